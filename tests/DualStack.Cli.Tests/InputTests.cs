namespace DualStack.Cli.Tests;

/// <summary>What dslint reads: files, folders (recursively, skipping build and VCS folders), standard input.</summary>
public sealed class InputTests
{
    [Fact]
    public void File_argument_is_linted_and_reported_relative_to_the_current_folder()
    {
        using var folder = new TempFolder();
        folder.Write("deploy/app.yaml", Samples.Broken);

        var result = Dslint.Run(folder.Path, "lint", "deploy/app.yaml", "--no-color");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"deploy/app.yaml:{Samples.BrokenLine}:{Samples.BrokenColumn}: error DS0001: {Samples.BrokenMessage}",
                "1 file, 1 document: 1 error, 0 warnings, 0 infos",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void Folder_is_searched_recursively_for_yaml_yml_and_json_skipping_bin_obj_git_and_node_modules()
    {
        using var folder = new TempFolder();
        folder.Write("k8s/a.yaml", Samples.Broken);
        folder.Write("k8s/nested/b.yml", Samples.Broken);
        folder.Write("k8s/c.json", "{\"kind\": [}");
        folder.Write("k8s/readme.txt", Samples.Broken);
        folder.Write("k8s/.hidden/d.yaml", Samples.Broken);
        foreach (var skipped in new[] { "bin", "obj", ".git", "node_modules" })
        {
            folder.Write($"k8s/{skipped}/x.yaml", Samples.Broken);
        }

        var result = Dslint.Run(folder.Path, "lint", "k8s", "--format", "json");

        var files = JsonFindings(result).Select(f => f.File).Distinct().ToArray();
        Assert.Equal(["k8s/.hidden/d.yaml", "k8s/a.yaml", "k8s/c.json", "k8s/nested/b.yml"], files);
        Assert.Contains("\"files\": 4", result.Stdout);
    }

    [Fact]
    public void No_path_means_the_current_folder()
    {
        using var folder = new TempFolder();
        folder.Write("one.yaml", Samples.Broken);
        folder.Write("sub/two.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, "lint", "--no-color");

        Assert.Equal($"one.yaml:{Samples.BrokenLine}:{Samples.BrokenColumn}: error DS0001: {Samples.BrokenMessage}", result.StdoutLines[0]);
        Assert.Equal("2 files, 2 documents: 1 error, 0 warnings, 0 infos", result.StdoutLines[^1]);
    }

    [Fact]
    public void Standard_input_is_read_with_all_its_documents_and_reported_as_stdin()
    {
        using var folder = new TempFolder();

        var result = Dslint.RunWithInput(folder.Path, Samples.Clean + "\n---\n" + Samples.Broken, null, "lint", "-", "--format", "json");

        var finding = Assert.Single(JsonFindings(result));
        Assert.Equal("<stdin>", finding.File);
        Assert.Equal(Samples.BrokenLine + 7, finding.Line);
        Assert.Contains("\"documents\": 2", result.Stdout);
    }

    [Fact]
    public void Stdin_filename_names_standard_input_and_picks_its_editorconfig()
    {
        using var folder = new TempFolder();
        folder.Write("charts/.editorconfig", "[*.yaml]\ndotnet_diagnostic.DS0001.severity = error\n");

        var result = Dslint.RunWithInput(folder.Path, Samples.Broken, null, "lint", "-", "--stdin-filename", "charts/rendered.yaml", "--no-color");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"charts/rendered.yaml:{Samples.BrokenLine}:{Samples.BrokenColumn}: error DS0001:", result.StdoutLines[0]);
    }

    [Fact]
    public void Files_and_standard_input_mix_in_argument_order()
    {
        using var folder = new TempFolder();
        folder.Write("z.yaml", Samples.Broken);

        var result = Dslint.RunWithInput(folder.Path, Samples.Broken, null, "lint", "z.yaml", "-", "--format", "json");

        // Output order is the deterministic finding order (by path), whatever the argument order.
        Assert.Equal(["<stdin>", "z.yaml"], JsonFindings(result).Select(f => f.File).ToArray());
    }

    [Fact]
    public void Missing_path_is_a_one_line_error_with_exit_code_2()
    {
        using var folder = new TempFolder();

        var result = Dslint.Run(folder.Path, "lint", "x.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["dslint: error: path 'x.yaml' does not exist"], result.StderrLines);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Binary_file_is_reported_as_DS0002_not_a_crash()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "image.yaml"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);

        var result = Dslint.Run(folder.Path, "lint", "image.yaml", "--no-color");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("image.yaml:1:1: warning DS0002: the file is binary, not text (a NUL byte at offset 4); only YAML and JSON files can be linted", result.StdoutLines[0]);
    }

    [Fact]
    public void Invalid_utf8_is_reported_as_DS0002()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "latin1.yaml"), [.. "name: caf"u8, 0xE9, 0x0A]);

        var result = Dslint.Run(folder.Path, "lint", "latin1.yaml", "--no-color");

        Assert.Equal("latin1.yaml:1:1: warning DS0002: the file is not valid UTF-8 (0xE9 at byte offset 9, line 1); save it as UTF-8, the encoding YAML and Kubernetes expect", result.StdoutLines[0]);
    }

    [Fact]
    public void Unreadable_file_is_reported_as_DS0002()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            // Permissions cannot make a file unreadable for root; the binary and size cases cover DS0002 there.
            return;
        }

        using var folder = new TempFolder();
        var path = folder.Write("secret.yaml", Samples.Clean);
        File.SetUnixFileMode(path, UnixFileMode.None);

        var result = Dslint.Run(folder.Path, "lint", "secret.yaml", "--no-color");

        Assert.StartsWith("secret.yaml:1:1: warning DS0002: the file could not be read:", result.StdoutLines[0]);
    }

    [Fact]
    public void Paths_outside_the_current_folder_are_printed_absolute()
    {
        using var folder = new TempFolder();
        var outside = folder.Write("other/app.yaml", Samples.Broken);
        Directory.CreateDirectory(Path.Combine(folder.Path, "cwd"));

        var result = Dslint.Run(Path.Combine(folder.Path, "cwd"), "lint", "../other/app.yaml", "--no-color");

        Assert.StartsWith($"{outside}:{Samples.BrokenLine}:{Samples.BrokenColumn}: error DS0001:", result.StdoutLines[0]);
    }

    internal static IReadOnlyList<JsonFinding> JsonFindings(DslintResult result)
    {
        using var document = System.Text.Json.JsonDocument.Parse(result.Stdout);
        return document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new JsonFinding(
                f.GetProperty("ruleId").GetString()!,
                f.GetProperty("severity").GetString()!,
                f.GetProperty("message").GetString()!,
                f.GetProperty("file").GetString()!,
                f.GetProperty("line").GetInt32(),
                f.GetProperty("column").GetInt32(),
                f.GetProperty("object").GetString(),
                f.GetProperty("field").GetString()))
            .ToList();
    }

    internal sealed record JsonFinding(string RuleId, string Severity, string Message, string File, int Line, int Column, string? Object, string? Field);
}
