using static DualStack.Cli.Tests.Hardening.HardeningFiles;

namespace DualStack.Cli.Tests.Hardening;

/// <summary>
/// Issue 11 items 2 and 10: a named pipe among the inputs (found in a folder or named directly) is DS0002 "not a
/// regular file" and never blocks the run; a folder that cannot be listed is DS0002 instead of a silent gap.
/// </summary>
public sealed class SpecialInputTests
{
    [Fact]
    public void A_named_pipe_in_a_folder_is_DS0002_and_the_run_finishes()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TempFolder();
        folder.Write("k8s/svc.yaml", Service);
        Run("mkfifo", Path.Combine(folder.Path, "k8s", "pipe.yaml"));

        var result = Dslint.RunWithTimeout(folder.Path, ["lint", "k8s", "--no-color"], timeoutSeconds: 60);

        Assert.Contains("k8s/pipe.yaml:1:1: warning DS0002: not a regular file: a named pipe (FIFO); only regular files are read", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("k8s/svc.yaml:5:1: warning DS2005:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_pipe_given_by_name_is_DS0002_and_standard_input_still_works()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TempFolder();
        Run("mkfifo", Path.Combine(folder.Path, "pipe.yaml"));

        var named = Dslint.RunWithTimeout(folder.Path, ["lint", "pipe.yaml", "--no-color"], timeoutSeconds: 60);
        Assert.Equal(["pipe.yaml:1:1: warning DS0002: not a regular file: a named pipe (FIFO); only regular files are read"], named.StdoutLines[..1]);

        var stdin = Dslint.RunWithTimeout(folder.Path, ["lint", "-", "--no-color"], standardInput: Service, timeoutSeconds: 60);
        Assert.StartsWith("<stdin>:5:1: warning DS2005:", stdin.StdoutLines[0]);
    }

    [Fact]
    public void A_subfolder_that_cannot_be_listed_is_DS0002()
    {
        if (!IsLinuxRoot)
        {
            return;
        }

        using var folder = new TempFolder();
        OpenToEveryone(folder.Path);
        File.SetUnixFileMode(folder.Write("k8s/svc.yaml", Service), (UnixFileMode)Convert.ToInt32("644", 8));
        File.SetUnixFileMode(Path.Combine(folder.Path, "k8s"), (UnixFileMode)Convert.ToInt32("755", 8));
        folder.Write("k8s/secret/db.yaml", Service);
        File.SetUnixFileMode(Path.Combine(folder.Path, "k8s", "secret"), (UnixFileMode)Convert.ToInt32("700", 8));

        var result = RunAsOtherUser(folder.Path, "lint", "k8s", "--no-color");

        Assert.Contains(result.StdoutLines, l => l.StartsWith("k8s/secret:1:1: warning DS0002: the folder could not be listed, so its files were not linted: Access to the path", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("k8s/svc.yaml:5:1: warning DS2005:", StringComparison.Ordinal));
    }
}
