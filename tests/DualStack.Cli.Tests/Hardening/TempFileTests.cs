using System.Diagnostics;
using static DualStack.Cli.Tests.Hardening.HardeningFiles;

namespace DualStack.Cli.Tests.Hardening;

/// <summary>
/// Issue 11 item 7: the temporary files of a replacement (<c>.NAME.dslint-PID-RANDOM.tmp</c>) are deleted when the run
/// is interrupted by SIGINT or SIGTERM, and a later run removes those a killed run left behind.
/// </summary>
public sealed class TempFileTests
{
    [Fact]
    public void Stale_temporary_files_are_removed_by_a_later_fix_and_live_ones_are_kept()
    {
        using var folder = new TempFolder();
        folder.Write("svc.yaml", Service);
        var deadProcess = folder.Write(".svc.yaml.dslint-999999999-0a1b2c3d.tmp", "left by a killed run");
        var old = folder.Write($".svc.yaml.dslint-{Environment.ProcessId}-0a1b2c3e.tmp", "an hour old");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-1));
        var live = folder.Write($".svc.yaml.dslint-{Environment.ProcessId}-0a1b2c3f.tmp", "a run in progress");
        var notOurs = folder.Write(".svc.yaml.editor-1234.tmp", "someone else's");

        Dslint.Run(folder.Path, "lint", "--fix");

        Assert.Equal(FixedService, folder.Read("svc.yaml"));
        Assert.False(File.Exists(deadProcess));
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(notOurs));
    }

    [Theory]
    [InlineData(".svc.yaml.dslint-1234-0a1b2c3d.tmp", 1234)]
    [InlineData(".a.dslint-b.yaml.dslint-77-ffffffff.tmp", 77)]
    [InlineData("svc.yaml.dslint-1234-0a1b2c3d.tmp", null)]
    [InlineData(".svc.yaml.dslint-1234-0a1b2c.tmp", null)]
    [InlineData(".svc.yaml.dslint--0a1b2c3d.tmp", null)]
    [InlineData(".svc.yaml.1234.tmp", null)]
    public void Only_names_dslint_writes_are_recognised(string name, int? processId) =>
        Assert.Equal(processId, Fixing.TempFiles.ProcessIdOf(name));

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_during_a_fix_leaves_no_temporary_file(string signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TempFolder();
        const int Files = 1000;
        for (var i = 0; i < Files; i++)
        {
            folder.Write($"k8s/svc{i:D3}.yaml", Service);
        }

        var (program, arguments) = Dslint.CommandLine("lint", "k8s", "--fix", "-q");
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder.Path,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // Wait until the fix is writing (a file has changed), then interrupt it mid-way.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!process.HasExited && DateTime.UtcNow < deadline && !AnyFileFixed(Path.Combine(folder.Path, "k8s")))
        {
            Thread.Sleep(1);
        }

        // kill fails only when the run has already finished; the check below holds either way.
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        Assert.True(process.WaitForExit(60_000));

        var left = Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories);
        Assert.True(left.Length == 0, $"left behind: {string.Join(", ", left.Select(Path.GetFileName))}; exit {process.ExitCode}; {await stderr}");
        foreach (var file in Directory.GetFiles(Path.Combine(folder.Path, "k8s")))
        {
            Assert.Contains(File.ReadAllText(file), new[] { Service, FixedService });
        }
    }

    // Only the manifests themselves: a temporary file of the run can vanish between the listing and its length.
    private static bool AnyFileFixed(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "svc*.yaml"))
        {
            try
            {
                if (new FileInfo(file).Length > Service.Length)
                {
                    return true;
                }
            }
            catch (FileNotFoundException)
            {
            }
        }

        return false;
    }
}
