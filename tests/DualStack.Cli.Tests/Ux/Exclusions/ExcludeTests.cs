namespace DualStack.Cli.Tests.Ux.Exclusions;

/// <summary>
/// <c>--exclude GLOB</c> and <c>dualstack_lint.exclude = true</c> with the real dslint process: excluded files are left
/// out before anything is read (a binary file there gets no DS0002), also when named explicitly; <c>--verbose</c> names
/// each one and why; bad globs and bad values are reported.
/// </summary>
public sealed class ExcludeTests
{
    private const string Binary = "\u0000\u0001\u0002 not text";

    [Fact]
    public void A_folder_glob_leaves_out_everything_below_it_unread()
    {
        using var folder = Repository();

        var all = Dslint.Run(folder.Path, "lint", ".", "--no-color");
        var excluded = Dslint.Run(folder.Path, "lint", ".", "--exclude", "deploy/vendor", "--no-color");

        Assert.Contains("deploy/vendor/chart.yaml:1:1: warning DS0002:", all.Stdout, StringComparison.Ordinal);
        Assert.Contains("deploy/vendor/upstream/web.yaml:5:1: warning DS2005:", all.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, excluded.ExitCode);
        Assert.Equal(
            [
                "deploy/web.yaml:5:1: warning DS2005: ipFamilyPolicy is omitted, so it defaults to SingleStack: the Service gets an IPv4 cluster IP only, so IPv6 clients cannot reach it on the dual-stack target (IPv4,IPv6); set `ipFamilyPolicy: PreferDualStack` [Service/web spec.ipFamilyPolicy]",
                "1 file, 1 document: 0 errors, 1 warning, 0 infos",
            ],
            excluded.StdoutLines);
        Assert.Equal(string.Empty, excluded.Stderr);
    }

    [Fact]
    public void Globs_repeat_and_double_star_spans_folders_and_verbose_names_each_excluded_file()
    {
        using var folder = Repository();
        folder.Write("deploy/generated/a.gen.yaml", Service("gen"));

        var result = Dslint.Run(folder.Path, "lint", ".", "--exclude", "**/*.gen.yaml", "--exclude", "deploy/vendor/**", "--verbose", "--quiet");

        Assert.Equal(
            [
                "dslint: note: excluded deploy/generated/a.gen.yaml (--exclude '**/*.gen.yaml')",
                "dslint: note: excluded deploy/vendor/chart.yaml (--exclude 'deploy/vendor/**')",
                "dslint: note: excluded deploy/vendor/upstream/web.yaml (--exclude 'deploy/vendor/**')",
            ],
            result.StderrLines);
        Assert.Single(result.StdoutLines);
        Assert.StartsWith("deploy/web.yaml:5:1: warning DS2005", result.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_explicitly_is_still_excluded_with_a_note_in_verbose_mode()
    {
        using var folder = Repository();

        var quiet = Dslint.Run(folder.Path, "lint", "deploy/vendor/upstream/web.yaml", "deploy/web.yaml", "--exclude", "deploy/vendor", "--no-color");
        var verbose = Dslint.Run(folder.Path, "lint", "deploy/vendor/chart.yaml", "--exclude", "deploy/vendor", "--verbose");

        Assert.Equal("1 file, 1 document: 0 errors, 1 warning, 0 infos", quiet.StdoutLines[^1]);
        Assert.Equal(string.Empty, quiet.Stderr);
        Assert.Equal(0, verbose.ExitCode);
        Assert.Equal(
            [
                "dslint: note: excluded deploy/vendor/chart.yaml (--exclude 'deploy/vendor')",
                "dslint: warning: nothing was linted: no Kubernetes object or cluster configuration in 0 files (0 documents parsed); --fail-if-no-objects makes this an error",
            ],
            verbose.StderrLines);
    }

    [Fact]
    public void Editorconfig_sections_exclude_files_relative_to_the_editorconfig_folder()
    {
        using var folder = Repository();
        folder.Write("deploy/.editorconfig", "[vendor/**]\ndualstack_lint.exclude = true\n");

        // From another working folder too: the section is relative to deploy/, where the .editorconfig is.
        var fromRoot = Dslint.Run(folder.Path, "lint", ".", "--verbose", "--no-color");
        var fromVendor = Dslint.Run(Path.Combine(folder.Path, "deploy", "vendor"), "lint", "upstream/web.yaml", "--verbose", "--quiet");

        Assert.Equal("1 file, 1 document: 0 errors, 1 warning, 0 infos", fromRoot.StdoutLines[^1]);
        Assert.Equal(
            [
                "dslint: note: excluded deploy/vendor/chart.yaml (dualstack_lint.exclude = true)",
                "dslint: note: excluded deploy/vendor/upstream/web.yaml (dualstack_lint.exclude = true)",
            ],
            fromRoot.StderrLines);
        Assert.Equal(["dslint: note: excluded upstream/web.yaml (dualstack_lint.exclude = true)"], fromVendor.StderrLines);
        Assert.Empty(fromVendor.StdoutLines);
    }

    [Fact]
    public void A_bad_exclude_value_is_a_warning_at_its_line_and_excludes_nothing()
    {
        using var folder = Repository();
        folder.Write(".editorconfig", "root = true\n[*]\ndualstack_lint.exclude = deploy/vendor/**\n");

        var result = Dslint.Run(folder.Path, "lint", "deploy/web.yaml", "--quiet");

        Assert.Equal(
            ["dslint: warning: .editorconfig:3: dualstack_lint.exclude: \"deploy/vendor/**\" is not true or false; exclude files with a section and this key, e.g. [vendor/**] then dualstack_lint.exclude = true"],
            result.StderrLines);
        Assert.Single(result.StdoutLines);
    }

    [Theory]
    [InlineData("/etc/**", "dslint: error: --exclude: '/etc/**' must be relative to the current folder, without '..' (e.g. 'deploy/vendor/**' or '**/generated/**')")]
    [InlineData("../other/**", "dslint: error: --exclude: '../other/**' must be relative to the current folder, without '..' (e.g. 'deploy/vendor/**' or '**/generated/**')")]
    [InlineData(" ", "dslint: error: --exclude: an empty glob was given")]
    public void A_glob_that_cannot_match_under_the_current_folder_is_a_usage_error(string glob, string message)
    {
        using var folder = Repository();

        var result = Dslint.Run(folder.Path, "lint", ".", "--exclude", glob);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([message], result.StderrLines);
    }

    [Fact]
    public void Plan_excludes_the_same_way()
    {
        using var folder = new TempFolder();
        folder.Write("cluster/kind.yaml", "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  ipFamily: dual\n");
        folder.Write("old/kind.yaml", "\u0000 binary");

        var included = Dslint.Run(folder.Path, "plan", ".", "--exclude", "old", "--format", "json");
        var excluded = Dslint.Run(folder.Path, "plan", ".", "--exclude", "cluster", "--exclude", "old");

        Assert.Equal(0, included.ExitCode);
        Assert.DoesNotContain("DS0002", included.Stdout + included.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, excluded.ExitCode);
        Assert.Contains("dslint: error: no cluster configuration among the inputs (0 files read)", excluded.Stderr, StringComparison.Ordinal);
    }

    // deploy/web.yaml (DS2005), deploy/vendor/upstream/web.yaml (DS2005), deploy/vendor/chart.yaml (binary: DS0002 if read).
    private static TempFolder Repository()
    {
        var folder = new TempFolder();
        folder.Write("deploy/web.yaml", Service("web"));
        folder.Write("deploy/vendor/upstream/web.yaml", Service("upstream"));
        folder.Write("deploy/vendor/chart.yaml", Binary);
        return folder;
    }

    private static string Service(string name) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
        spec:
          ports:
          - port: 80

        """;
}
