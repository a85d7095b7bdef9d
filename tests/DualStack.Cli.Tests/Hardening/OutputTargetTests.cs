using DualStack.Manifests;
using static DualStack.Cli.Tests.Hardening.HardeningFiles;

namespace DualStack.Cli.Tests.Hardening;

/// <summary>
/// Issue 11 item 8: <c>--output</c> replaces regular files atomically and writes through everything else: a device
/// node stays a device, <c>/dev/stdout</c> into a pipe works, and <c>/dev/stdout</c> redirected with <c>&gt;&gt;</c>
/// appends.
/// </summary>
public sealed class OutputTargetTests
{
    [Fact]
    public void A_character_device_stays_a_device()
    {
        if (!IsLinuxRoot)
        {
            return;
        }

        // A private copy of /dev/null (major 1, minor 3): the test never touches the real one.
        using var folder = new TempFolder();
        folder.Write("svc.yaml", Service);
        var device = Path.Combine(folder.Path, "null");
        using (var mknod = System.Diagnostics.Process.Start("mknod", [device, "c", "1", "3"]))
        {
            mknod.WaitForExit();
            if (mknod.ExitCode != 0)
            {
                return; // no CAP_MKNOD in this container
            }
        }

        var result = Dslint.Run(folder.Path, "lint", "svc.yaml", "-o", device);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(FileKind.CharacterDevice, FileStatus.Of(device).Kind);
        Assert.Equal(["null", "svc.yaml"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Dev_stdout_into_a_pipe_writes_the_report_to_the_pipe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TempFolder();
        folder.Write("svc.yaml", Service);

        // The test reads the tool's standard output through a pipe.
        var result = Dslint.Run(folder.Path, "lint", "svc.yaml", "-o", "/dev/stdout", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"ruleId\": \"DS2005\"", result.Stdout);
    }

    [Fact]
    public void Dev_stdout_redirected_for_appending_appends()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TempFolder();
        folder.Write("svc.yaml", Service);
        var log = folder.Write("log.txt", "earlier line\n");

        var result = Dslint.RunProcess("sh", ["-c", $"{Dslint.ShellCommand} lint svc.yaml --no-color -o /dev/stdout >> log.txt"], folder.Path, timeoutSeconds: 60);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(log);
        Assert.Equal("earlier line", lines[0]);
        Assert.StartsWith("svc.yaml:5:1: warning DS2005:", lines[1]);
    }

    [Fact]
    public void A_regular_output_file_is_still_replaced_atomically()
    {
        using var folder = new TempFolder();
        folder.Write("svc.yaml", Service);
        folder.Write("report.json", "old report, longer than nothing\n");

        Dslint.Run(folder.Path, "lint", "svc.yaml", "-o", "report.json", "--format", "json");

        Assert.StartsWith("{", folder.Read("report.json"));
        Assert.DoesNotContain("old report", folder.Read("report.json"));
        Assert.Equal(["report.json", "svc.yaml"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }
}
