namespace DualStack.Cli.Tests;

/// <summary>
/// The tool as users get it: packed into a local folder feed with a unique version, installed with
/// <c>dotnet tool install --tool-path</c> from that feed only, then run through its command shim.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class PackageTests
{
    private const string PackageId = "DualStack.Lint.Cli";

    [Fact]
    public void Tool_packs_installs_from_a_local_feed_and_runs()
    {
        using var folder = new TempFolder();
        var feed = Path.Combine(folder.Path, "feed");
        var tools = Path.Combine(folder.Path, "tools");
        var version = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;

        // --no-build: the tool is already built (this project references it) in the same configuration.
        var pack = Dslint.RunProcess(
            "dotnet",
            ["pack", Dslint.ProjectPath, "--no-build", "-c", Dslint.Configuration, "-o", feed, "-p:PackageVersion=" + version, "-nologo"],
            folder.Path,
            timeoutSeconds: 300);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var nupkg = Path.Combine(feed, $"{PackageId}.{version}.nupkg");
        Assert.True(File.Exists(nupkg), pack.ToString());
        using (var archive = System.IO.Compression.ZipFile.OpenRead(nupkg))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("tools/net8.0/any/dslint.dll", entries);
            Assert.Contains("tools/net8.0/any/DotnetToolSettings.xml", entries);
            // The start-up build: net10.0 ReadyToRun code for linux-x64, chosen by the installer there.
            Assert.Contains("tools/net10.0/linux-x64/dslint.dll", entries);
            Assert.Contains("tools/net10.0/linux-x64/DotnetToolSettings.xml", entries);
            Assert.Contains("README.md", entries);
        }

        // Only the local feed, and a private package cache, so nothing outside this test is read or polluted.
        var config = folder.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(folder.Path, "packages") };
        var install = Dslint.RunProcess(
            "dotnet",
            ["tool", "install", "--tool-path", tools, "--configfile", config, PackageId, "--version", version],
            folder.Path,
            environment: environment,
            timeoutSeconds: 300);
        Assert.True(install.ExitCode == 0, install.ToString());

        var shim = Path.Combine(tools, OperatingSystem.IsWindows() ? "dslint.exe" : "dslint");
        var versionRun = Dslint.RunProcess(shim, ["--version"], folder.Path);
        Assert.Equal(0, versionRun.ExitCode);

        folder.Write("work/a.yaml", Samples.Broken);
        var lint = Dslint.RunProcess(shim, ["lint", "--no-color", "--quiet"], Path.Combine(folder.Path, "work"));
        Assert.Equal([$"a.yaml:{Samples.BrokenLine}:{Samples.BrokenColumn}: error DS0001: {Samples.BrokenMessage}"], lint.StdoutLines);

        // On linux-x64 the installed tool runs its precompiled net10.0 build: none of the engine's, the CLI's or
        // YamlDotNet's own methods is JIT-compiled for a lint (the net8.0 IL build compiles about 900 of them; only
        // generic instantiations over framework types are left to the JIT). The runtime lists what it compiles.
        if (System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64")
        {
            var jitList = Path.Combine(folder.Path, "jit.txt");
            var listed = Dslint.RunProcess(
                shim,
                ["lint", "--no-color", "--quiet"],
                Path.Combine(folder.Path, "work"),
                environment: new Dictionary<string, string?> { ["DOTNET_JitDisasmSummary"] = "1", ["DOTNET_JitStdOutFile"] = jitList });
            Assert.Equal(lint.StdoutLines, listed.StdoutLines);
            var compiled = File.ReadAllLines(jitList);
            Assert.NotEmpty(compiled);
            Assert.DoesNotContain(compiled, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"JIT compiled (DualStack|YamlDotNet)\."));
        }

        // The rule pages travel inside the package.
        var explain = Dslint.RunProcess(shim, ["explain", "DS2005"], folder.Path);
        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("DS2005: Single-stack Service on a dual-stack cluster\n====", explain.Stdout);
    }
}
