namespace DualStack.Cli.Tests.Ux;

/// <summary>
/// The repository's <c>.pre-commit-hooks.yaml</c>, used by the real <c>pre-commit</c> (Debian package) in a temporary git
/// repository: a bad manifest blocks the commit, a good one passes. The hooks come from a local git repository holding
/// a copy of the file, so nothing is downloaded; <c>dslint</c> on the PATH is a script running the built tool.
/// </summary>
public sealed class PreCommitTests
{
    [Fact]
    public void A_bad_manifest_blocks_the_commit_and_a_good_one_passes()
    {
        Assert.True(Tool.Exists("pre-commit") && Tool.Exists("git"), "pre-commit and git are needed (.ci/run installs them)");

        using var folder = new TempFolder();
        var environment = Environment(folder);
        var hooks = Path.Combine(folder.Path, "hooks");
        Directory.CreateDirectory(hooks);
        File.Copy(Path.Combine(RepositoryPaths.Root, ".pre-commit-hooks.yaml"), Path.Combine(hooks, ".pre-commit-hooks.yaml"));
        Git(hooks, environment, "init", "-q");
        Git(hooks, environment, "add", ".");
        Git(hooks, environment, "commit", "-q", "-m", "hooks");
        var rev = Git(hooks, environment, "rev-parse", "HEAD").Stdout.Trim();

        var work = Path.Combine(folder.Path, "work");
        Directory.CreateDirectory(work);
        Git(work, environment, "init", "-q");
        File.WriteAllText(Path.Combine(work, ".pre-commit-config.yaml"), $"repos:\n- repo: {hooks}\n  rev: {rev}\n  hooks:\n  - id: dslint\n");
        File.WriteAllText(Path.Combine(work, "README.md"), "not yaml\n");
        Git(work, environment, "add", ".");
        Git(work, environment, "commit", "-q", "-m", "setup");
        Run(work, environment, "pre-commit", "install");

        File.WriteAllText(Path.Combine(work, "service.yaml"), Samples.ServiceWithPolicy("SingelStack"));
        Git(work, environment, "add", "service.yaml");
        var blocked = Dslint.RunProcess("git", ["commit", "-m", "bad"], work, environment: environment, timeoutSeconds: 300);

        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Contains("service.yaml:6:19: error DS2001: Unsupported value: \"SingelStack\"", blocked.Stdout + blocked.Stderr);
        Assert.Equal("setup", Git(work, environment, "log", "-1", "--format=%s").Stdout.Trim());

        File.WriteAllText(Path.Combine(work, "service.yaml"), Samples.ServiceWithPolicy("PreferDualStack"));
        Git(work, environment, "add", "service.yaml");
        var passed = Dslint.RunProcess("git", ["commit", "-m", "good"], work, environment: environment, timeoutSeconds: 300);

        Assert.True(passed.ExitCode == 0, passed.ToString());
        Assert.Equal("good", Git(work, environment, "log", "-1", "--format=%s").Stdout.Trim());
    }

    // A private pre-commit cache, git identity and a PATH whose dslint is the tool under test.
    private static Dictionary<string, string?> Environment(TempFolder folder)
    {
        var bin = Path.Combine(folder.Path, "bin");
        Directory.CreateDirectory(bin);
        var script = Path.Combine(bin, "dslint");
        File.WriteAllText(script, $"#!/bin/sh\nexec {Dslint.ShellCommand} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new Dictionary<string, string?>
        {
            ["PATH"] = bin + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
            ["PRE_COMMIT_HOME"] = Path.Combine(folder.Path, "pre-commit-cache"),
            ["HOME"] = folder.Path,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.com",
            ["GIT_COMMITTER_NAME"] = "test",
            ["GIT_COMMITTER_EMAIL"] = "test@example.com",
        };
    }

    private static DslintResult Git(string directory, Dictionary<string, string?> environment, params string[] args) =>
        Run(directory, environment, "git", args);

    private static DslintResult Run(string directory, Dictionary<string, string?> environment, string tool, params string[] args)
    {
        var result = Dslint.RunProcess(tool, args, directory, environment: environment, timeoutSeconds: 300);
        Assert.True(result.ExitCode == 0, $"{tool} {string.Join(" ", args)}: {result}");
        return result;
    }
}

/// <summary>Whether a program is on the PATH.</summary>
internal static class Tool
{
    public static bool Exists(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, name)));
}
