using System.IO.Compression;
using System.Runtime.InteropServices;

namespace DualStack.Cli.Tests;

/// <summary>
/// The tool as users get it: packed into a local folder feed with a unique version, installed with
/// <c>dotnet tool install --tool-path</c> from that feed only, then run through its command shim.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class PackageTests(PackedTool tool, Xunit.Abstractions.ITestOutputHelper output)
{
    private static bool IsLinuxX64 => RuntimeInformation.RuntimeIdentifier == "linux-x64";

    [Fact]
    public void Package_carries_the_portable_build_and_the_native_linux_x64_build_with_its_language_server()
    {
        Assert.True(tool.PackSucceeded, tool.PackOutput);
        output.WriteLine($"dotnet pack (with the Native AOT compile) took {tool.PackTime.TotalSeconds:F0} s; the package is {new FileInfo(tool.Nupkg).Length / 1e6:F1} MB");
        using var archive = ZipFile.OpenRead(tool.Nupkg);
        var entries = archive.Entries.Select(e => e.FullName).ToList();

        // Every SDK and platform but a .NET 10 SDK on linux-x64: the portable net8.0 build (RollForward=Major).
        Assert.Contains("tools/net8.0/any/dslint.dll", entries);
        Assert.Contains("tools/net8.0/any/DotnetToolSettings.xml", entries);
        Assert.Contains("tools/net8.0/any/StreamJsonRpc.dll", entries);
        Assert.Contains("README.md", entries);

        // linux-x64 with a .NET 10 SDK: one native executable, run directly (no dotnet host), nothing managed beside it
        // but the language server's JIT build in lsp/.
        var native = entries.Where(e => e.StartsWith("tools/net10.0/linux-x64/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["tools/net10.0/linux-x64/DotnetToolSettings.xml", "tools/net10.0/linux-x64/dslint"],
            native.Where(e => !e.Contains("/lsp/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        using (var settings = new StreamReader(archive.GetEntry("tools/net10.0/linux-x64/DotnetToolSettings.xml")!.Open()))
        {
            Assert.Contains("<Command Name=\"dslint\" EntryPoint=\"dslint\" Runner=\"executable\" />", settings.ReadToEnd());
        }

        using (var executable = archive.GetEntry("tools/net10.0/linux-x64/dslint")!.Open())
        {
            var magic = new byte[4];
            executable.ReadExactly(magic);
            Assert.Equal("\u007fELF"u8.ToArray(), magic);
        }

        Assert.Contains("tools/net10.0/linux-x64/lsp/dslint", native);
        Assert.Contains("tools/net10.0/linux-x64/lsp/dslint.dll", native);
        Assert.Contains("tools/net10.0/linux-x64/lsp/dslint.runtimeconfig.json", native);
        Assert.Contains("tools/net10.0/linux-x64/lsp/StreamJsonRpc.dll", native);

        // musl Linux (Alpine) falls back to linux-x64 in the RID graph but cannot run the glibc-linked executable: it
        // gets the JIT build, run by the dotnet host.
        var musl = entries.Where(e => e.StartsWith("tools/net10.0/linux-musl-x64/", StringComparison.Ordinal)).ToList();
        Assert.Contains("tools/net10.0/linux-musl-x64/dslint.dll", musl);
        Assert.Contains("tools/net10.0/linux-musl-x64/StreamJsonRpc.dll", musl);
        Assert.DoesNotContain("tools/net10.0/linux-musl-x64/dslint", musl);
        using (var settings = new StreamReader(archive.GetEntry("tools/net10.0/linux-musl-x64/DotnetToolSettings.xml")!.Open()))
        {
            Assert.Contains("<Command Name=\"dslint\" EntryPoint=\"dslint.dll\" Runner=\"dotnet\" />", settings.ReadToEnd());
        }

        // No debug files in the native build: its symbols alone would be twice the executable.
        Assert.DoesNotContain(native, e => e.EndsWith(".pdb", StringComparison.Ordinal) || e.EndsWith(".dbg", StringComparison.Ordinal));
    }

    [Fact]
    public void Tool_installs_from_a_local_feed_and_runs()
    {
        using var folder = new TempFolder();
        var versionRun = Dslint.RunProcess(tool.Shim, ["--version"], folder.Path);
        Assert.Equal(0, versionRun.ExitCode);
        Assert.Equal(["1.0.0"], versionRun.StdoutLines);

        folder.Write("work/a.yaml", Samples.Broken);
        var lint = Dslint.RunProcess(tool.Shim, ["lint", "--no-color", "--quiet"], Path.Combine(folder.Path, "work"));
        Assert.Equal([$"a.yaml:{Samples.BrokenLine}:{Samples.BrokenColumn}: error DS0001: {Samples.BrokenMessage}"], lint.StdoutLines);

        // The rule pages travel inside the package.
        var explain = Dslint.RunProcess(tool.Shim, ["explain", "DS2005"], folder.Path);
        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("DS2005: Single-stack Service on a dual-stack cluster\n====", explain.Stdout);
    }

    [Fact]
    public void The_musl_folder_is_a_complete_jit_build_that_the_dotnet_host_runs()
    {
        Assert.True(tool.PackSucceeded, tool.PackOutput);
        using var folder = new TempFolder();
        using (var archive = ZipFile.OpenRead(tool.Nupkg))
        {
            foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("tools/net10.0/linux-musl-x64/", StringComparison.Ordinal)))
            {
                var path = Path.Combine(folder.Path, "musl", entry.FullName["tools/net10.0/linux-musl-x64/".Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                entry.ExtractToFile(path);
            }
        }

        folder.Write("work/a.yaml", Samples.Broken);
        var lint = Dslint.RunProcess("dotnet", [Path.Combine(folder.Path, "musl", "dslint.dll"), "lint", "--no-color", "--quiet"], Path.Combine(folder.Path, "work"));
        Assert.Equal([$"a.yaml:{Samples.BrokenLine}:{Samples.BrokenColumn}: error DS0001: {Samples.BrokenMessage}"], lint.StdoutLines);
    }

    [Fact]
    public void On_linux_x64_the_installed_command_is_the_native_build_and_compiles_nothing_at_run_time()
    {
        if (!IsLinuxX64)
        {
            return;
        }

        // The shim is a link to the native executable (no dotnet host, no dslint.dll beside it).
        var target = new FileInfo(tool.Shim).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? tool.Shim;
        Assert.EndsWith(Path.Combine("tools", "net10.0", "linux-x64", "dslint"), target);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(target)!, "dslint.dll")));

        // A JIT or ReadyToRun build writes the list of methods it compiles to this file (the runtime's own switch); the
        // native build has no JIT, so there is no list.
        using var folder = new TempFolder();
        folder.Write("work/a.yaml", Samples.Broken);
        var jitList = Path.Combine(folder.Path, "jit.txt");
        var listed = Dslint.RunProcess(
            tool.Shim,
            ["lint", "--no-color", "--quiet"],
            Path.Combine(folder.Path, "work"),
            environment: new Dictionary<string, string?> { ["DOTNET_JitDisasmSummary"] = "1", ["DOTNET_JitStdOutFile"] = jitList });
        Assert.Equal([$"a.yaml:{Samples.BrokenLine}:{Samples.BrokenColumn}: error DS0001: {Samples.BrokenMessage}"], listed.StdoutLines);
        Assert.False(File.Exists(jitList));

        // The same switch on the JIT build does list methods, so the check above can fail.
        var jit = Dslint.RunProcess(
            "dotnet",
            [Dslint.DllPath, "lint", "--no-color", "--quiet"],
            Path.Combine(folder.Path, "work"),
            environment: new Dictionary<string, string?> { ["DOTNET_JitDisasmSummary"] = "1", ["DOTNET_JitStdOutFile"] = jitList });
        Assert.Equal(listed.StdoutLines, jit.StdoutLines);
        Assert.Contains(File.ReadLines(jitList), line => line.Contains("JIT compiled DualStack.", StringComparison.Ordinal));
    }
}
