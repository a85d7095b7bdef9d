using System.Diagnostics;

namespace DualStack.Cli.Tests.Hardening;

/// <summary>Files and processes for the hardening tests: a Service DS2005 fixes, FIFOs, owners, another user.</summary>
internal static class HardeningFiles
{
    public const string Service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n";

    public const string FixedService = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ipFamilyPolicy: PreferDualStack\n  selector:\n    app: web\n  ports:\n  - port: 80\n";

    /// <summary>The user the "another user" tests run as: nobody.</summary>
    public const uint OtherUser = 65534;

    /// <summary>True where the tests that need Linux file types, owners and a second user can run.</summary>
    [System.Runtime.Versioning.SupportedOSPlatformGuard("linux")]
    public static bool IsLinuxRoot => OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/usr/bin/setpriv");

    public static void Run(string fileName, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, args) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(" ", args)} failed with exit code {process.ExitCode}");
    }

    /// <summary>Runs dslint as user and group nobody (root only), so that permissions apply as they do to a normal user.</summary>
    public static DslintResult RunAsOtherUser(string workingDirectory, params string[] args)
    {
        var (program, arguments) = Dslint.CommandLine(args);
        return Dslint.RunProcess(
            "setpriv",
            [$"--reuid={OtherUser}", $"--regid={OtherUser}", "--clear-groups", program, .. arguments],
            workingDirectory,
            environment: new Dictionary<string, string?> { ["HOME"] = workingDirectory },
            timeoutSeconds: 60);
    }

    /// <summary>Lets nobody into the folder and writes files there.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static void OpenToEveryone(string folder)
    {
        File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        for (var parent = Path.GetDirectoryName(folder); parent is not null && parent != Path.GetTempPath().TrimEnd('/'); parent = Path.GetDirectoryName(parent))
        {
            File.SetUnixFileMode(parent, File.GetUnixFileMode(parent) | UnixFileMode.OtherExecute | UnixFileMode.OtherRead);
        }
    }
}
