using System.Diagnostics;

namespace DualStack.Cli.Tests;

/// <summary>
/// The tool as users get it, packed once per test run: <c>dotnet pack --no-build</c> of this build into a temporary
/// folder feed with a unique version, and (on first use) installed with <c>dotnet tool install --tool-path</c> from that
/// feed only, with a private package cache, so nothing outside the test run is read or polluted.
/// </summary>
public sealed class PackedTool : IDisposable
{
    public const string PackageId = "DualStack.Lint.Cli";

    private readonly TempFolder _folder = new();
    private readonly Lazy<string> _shim;

    public PackedTool()
    {
        Feed = Path.Combine(_folder.Path, "feed");
        Version = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        var clock = Stopwatch.StartNew();

        // --no-build: the tool is already built (this project references both of its frameworks) in the same configuration.
        var pack = Dslint.RunProcess(
            "dotnet",
            ["pack", Dslint.ProjectPath, "--no-build", "-c", Dslint.Configuration, "-o", Feed, "-p:PackageVersion=" + Version, "-nologo"],
            _folder.Path,
            timeoutSeconds: 600);
        PackTime = clock.Elapsed;
        PackSucceeded = pack.ExitCode == 0;
        PackOutput = pack.ToString();
        Nupkg = Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");
        _shim = new Lazy<string>(Install);
    }

    /// <summary>The folder feed holding the package.</summary>
    public string Feed { get; }

    public string Version { get; }

    public string Nupkg { get; }

    /// <summary>Whether <c>dotnet pack</c> succeeded (a test asserts it, showing <see cref="PackOutput"/>).</summary>
    public bool PackSucceeded { get; }

    public string PackOutput { get; }

    public TimeSpan PackTime { get; }

    /// <summary>The installed command (the tool path's shim), installing the package on first use.</summary>
    public string Shim => _shim.Value;

    /// <summary>A nuget.config naming only the feed.</summary>
    public string WriteNugetConfig(string path)
    {
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return path;
    }

    public void Dispose() => _folder.Dispose();

    private string Install()
    {
        if (!PackSucceeded)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + PackOutput);
        }

        var tools = Path.Combine(_folder.Path, "tools");
        var config = WriteNugetConfig(Path.Combine(_folder.Path, "nuget.config"));
        var install = Dslint.RunProcess(
            "dotnet",
            ["tool", "install", "--tool-path", tools, "--configfile", config, PackageId, "--version", Version],
            _folder.Path,
            environment: new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_folder.Path, "packages") },
            timeoutSeconds: 300);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool install failed:\n" + install);
        }

        return Path.Combine(tools, OperatingSystem.IsWindows() ? "dslint.exe" : "dslint");
    }
}
