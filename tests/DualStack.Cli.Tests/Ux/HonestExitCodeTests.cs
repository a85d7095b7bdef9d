namespace DualStack.Cli.Tests.Ux;

/// <summary>
/// CI must not pass on input that was not linted: DS0001 is an error (kubectl apply rejects the same input), and
/// <c>--fail-if-no-objects</c> fails a run that found no Kubernetes object or cluster configuration at all.
/// </summary>
public sealed class HonestExitCodeTests
{
    private const string ConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings

        """;

    [Fact]
    public void Files_concatenated_without_a_separator_fail_with_DS0001_and_say_nothing_was_linted()
    {
        using var folder = new TempFolder();

        // What `cat k8s/*.yaml | dslint lint -` sends: the second file's keys repeat the first's.
        var result = Dslint.RunWithInput(folder.Path, Samples.ServiceWithPolicy("PreferDualStack") + ConfigMap, null, "lint", "-", "--no-color");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "<stdin>:9:1: error DS0001: YAML syntax error: duplicate key apiVersion; this document is skipped",
                "1 file, 0 documents: 1 error, 0 warnings, 0 infos",
            ],
            result.StdoutLines);
        Assert.Contains("dslint: warning: nothing was linted: no Kubernetes object or cluster configuration in 1 file (0 documents parsed)", result.Stderr);
    }

    [Fact]
    public void The_same_files_with_separators_pass()
    {
        using var folder = new TempFolder();

        var result = Dslint.RunWithInput(folder.Path, Samples.ServiceWithPolicy("PreferDualStack") + "---\n" + ConfigMap, null, "lint", "-", "--fail-if-no-objects");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["1 file, 2 documents: 0 errors, 0 warnings, 0 infos"], result.StdoutLines);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Yaml_that_is_not_kubernetes_passes_with_a_warning_and_fails_with_fail_if_no_objects()
    {
        using var folder = new TempFolder();
        folder.Write(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n");

        var lenient = Dslint.Run(folder.Path, "lint", ".github");
        var strict = Dslint.Run(folder.Path, "lint", ".github", "--fail-if-no-objects");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal(["dslint: warning: nothing was linted: no Kubernetes object or cluster configuration in 1 file (1 document parsed); --fail-if-no-objects makes this an error"], lenient.StderrLines);
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal(["dslint: error: nothing was linted: no Kubernetes object or cluster configuration in 1 file (1 document parsed)"], strict.StderrLines);
    }

    [Fact]
    public void A_cluster_configuration_file_counts_as_linted()
    {
        using var folder = new TempFolder();
        folder.Write("launch.yaml", "version: 0.1.0\nextraCNIEnv:\n  IPv4_SUPPORT: true\n  IPv4_CLUSTER_CIDR: 10.3.0.0/16\n  IPv4_SERVICE_CIDR: 10.153.183.0/24\n");

        var result = Dslint.Run(folder.Path, "lint", "launch.yaml", "--fail-if-no-objects", "--quiet");

        Assert.DoesNotContain("nothing was linted", result.Stderr);
    }

    [Fact]
    public void Quiet_hides_the_warning_but_not_the_error()
    {
        using var folder = new TempFolder();
        folder.Write("values.yaml", "replicas: 2\n");

        Assert.Equal(string.Empty, Dslint.Run(folder.Path, "lint", "--quiet").Stderr);
        Assert.Contains("dslint: error: nothing was linted", Dslint.Run(folder.Path, "lint", "--quiet", "--fail-if-no-objects").Stderr);
    }
}
