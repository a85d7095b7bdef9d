namespace DualStack.Cli.Tests;

/// <summary>
/// The per-file size limit: 10 MB by default, set by <c>--max-file-size</c> or <c>dualstack_lint.max_file_size</c> in
/// .editorconfig (by path, like every other key); a file over it is DS0002 naming the limit and how to raise it.
/// </summary>
public sealed class MaxFileSizeTests
{
    private const string HowToRaise = "raise the limit with --max-file-size or dualstack_lint.max_file_size in .editorconfig";

    [Fact]
    public void A_file_over_the_default_limit_gets_DS0002_naming_the_limit_and_how_to_raise_it()
    {
        using var folder = new TempFolder();
        CreateSparse(folder, "huge.yaml", (10 * 1024 * 1024) + 1);

        var result = Dslint.Run(folder.Path, "lint", "huge.yaml", "--format", "json");

        var finding = Assert.Single(InputTests.JsonFindings(result));
        Assert.Equal("DS0002", finding.RuleId);
        Assert.Equal($"the file is 10 MB (10,485,761 bytes), over the 10 MB size limit; it was not read; {HowToRaise}", finding.Message);
    }

    [Fact]
    public void Max_file_size_option_raises_the_limit_so_a_larger_file_is_read()
    {
        using var folder = new TempFolder();

        // NUL bytes: read, the file is refused as binary, which it can only be once it was read.
        CreateSparse(folder, "bundle.yaml", (10 * 1024 * 1024) + 1);

        var result = Dslint.Run(folder.Path, "lint", "bundle.yaml", "--max-file-size", "11MB", "--format", "json");

        var finding = Assert.Single(InputTests.JsonFindings(result));
        Assert.StartsWith("the file is binary, not text", finding.Message);
    }

    [Fact]
    public void Max_file_size_option_lowers_the_limit()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Clean + "\n# " + new string('x', 2048) + "\n");

        var result = Dslint.Run(folder.Path, "lint", "a.yaml", "--max-file-size", "1KB", "--format", "json");

        var finding = Assert.Single(InputTests.JsonFindings(result));
        Assert.Equal("DS0002", finding.RuleId);
        Assert.Matches(@"^the file is \d+ bytes, over the 1024 bytes size limit; it was not read; " + HowToRaise + "$", finding.Message);
    }

    [Fact]
    public void Editorconfig_key_sets_the_limit_by_path_and_the_option_overrides_it()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[small/*.yaml]\ndualstack_lint.max_file_size = 1KB\n");
        var big = Samples.Clean + "\n# " + new string('x', 2048) + "\n";
        folder.Write("small/a.yaml", big);
        folder.Write("other/a.yaml", big);

        var limited = Dslint.Run(folder.Path, "lint", "--format", "json");
        var overridden = Dslint.Run(folder.Path, "lint", "--max-file-size", "4KB", "--format", "json");

        var finding = Assert.Single(InputTests.JsonFindings(limited));
        Assert.Equal(("DS0002", "small/a.yaml"), (finding.RuleId, finding.File));
        Assert.Empty(InputTests.JsonFindings(overridden));
    }

    [Fact]
    public void Standard_input_has_the_limit_of_its_configured_name()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[small/*.yaml]\ndualstack_lint.max_file_size = 1KB\n");

        var result = Dslint.RunWithInput(folder.Path, Samples.Clean + "\n# " + new string('x', 2048) + "\n", null, "lint", "-", "--stdin-filename", "small/in.yaml", "--format", "json");

        var finding = Assert.Single(InputTests.JsonFindings(result));
        Assert.Equal("the input is over the 1024 bytes size limit; it was not read; " + HowToRaise, finding.Message);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("-5MB")]
    [InlineData("2GB")]
    [InlineData("10TB")]
    public void A_bad_option_value_is_a_usage_error(string value)
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, "lint", "a.yaml", "--max-file-size", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--max-file-size: \"{value}\" is not a file size", result.Stderr);
        Assert.Contains("bytes, or a number with KB, MB or GB, from 1 byte to 1GB", result.Stderr);
    }

    [Fact]
    public void A_bad_editorconfig_value_is_a_warning_with_file_and_line_and_the_default_applies()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[*.yaml]\ndualstack_lint.max_file_size = huge\n");
        folder.Write("a.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, "lint", "a.yaml", "--no-color");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "dslint: warning: .editorconfig:3: dualstack_lint.max_file_size: \"huge\" is not a file size; use bytes, or a number with KB, MB or GB, from 1 byte to 1GB (e.g. 20MB)",
            result.StderrLines);
    }

    [Theory]
    [InlineData("2048", true)]
    [InlineData("2kb", true)]
    [InlineData("1 MB", false)]
    public void Sizes_are_bytes_or_binary_kilo_mega_giga(string value, bool limits)
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Clean + "\n# " + new string('x', 3000) + "\n");

        var result = Dslint.Run(folder.Path, "lint", "a.yaml", "--max-file-size", value, "--format", "json");

        Assert.Equal(limits, InputTests.JsonFindings(result).Any(f => f.RuleId == "DS0002"));
    }

    private static void CreateSparse(TempFolder folder, string name, long length)
    {
        using var stream = File.Create(Path.Combine(folder.Path, name));
        stream.SetLength(length);
    }
}
