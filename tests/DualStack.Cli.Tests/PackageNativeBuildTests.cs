using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using DualStack.Cli.Tests.Rendering;

namespace DualStack.Cli.Tests;

/// <summary>
/// The installed native (AOT) build against the JIT build (the built net8.0 dslint.dll) on the same inputs in the same
/// folder: the same exit code, output, messages and files after the run, for each kind of command a user runs. And
/// <c>dslint lsp</c>, which the native build hands to the JIT build it ships, answering a real protocol exchange.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class PackageNativeBuildTests(PackedTool tool)
{
    private const string Service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n";

    private const string KindCluster = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  ipFamily: dual\n  podSubnet: 10.244.0.0/16,fd00:10:244::/56\n  serviceSubnet: 10.96.0.0/16,fd00:10:96::/112\n";

    private static bool IsLinuxX64 => RuntimeInformation.RuntimeIdentifier == "linux-x64";

    /// <summary>Case name → (the folder's files, standard input, arguments).</summary>
    private static readonly Dictionary<string, (Action<TempFolder> Setup, string? Input, string[] Args)> Cases = new()
    {
        ["lint text"] = (Demo, null, ["lint", "--no-color"]),
        ["lint json"] = (Demo, null, ["lint", "--format", "json"]),
        ["lint sarif"] = (Demo, null, ["lint", "--format", "sarif"]),
        ["lint github"] = (Demo, null, ["lint", "--format", "github"]),
        ["lint fix"] = (Demo, null, ["lint", "--fix", "--no-color"]),
        ["lint editorconfig"] = (f => { Demo(f); f.Write(".editorconfig", "root = true\n\n[*.yaml]\ndotnet_diagnostic.DS2005.severity = error\ndualstack_lint.kubernetes_version = 1.29\n\n[k8s/cache.yaml]\ndualstack_lint.exclude = true\n"); }, null, ["lint", "--no-color", "--verbose"]),
        ["lint stdin"] = (_ => { }, Service, ["lint", "-", "--stdin-filename", "svc.yaml", "--format", "json"]),
        ["lint broken and binary"] = (f => { f.Write("a.yaml", Samples.Broken); File.WriteAllBytes(Path.Combine(f.Path, "b.yaml"), [0, 1, 2, 0xff, 0xfe, 0]); }, null, ["lint", "--no-color"]),
        ["lint empty folder"] = (f => Directory.CreateDirectory(Path.Combine(f.Path, "empty")), null, ["lint", "empty", "--no-color"]),
        ["lint missing file"] = (_ => { }, null, ["lint", "missing.yaml", "--no-color"]),
        ["lint helm chart"] = (f => HelmChartFixture.Write(f), HelmChartFixture.Rendered, ["lint", "-", "--chart", "web", "--format", "json"]),
        ["lint kustomize fix"] = (f => KustomizeFixture.Write(f, KustomizeFixture.BaseServiceWithoutPolicy), null, ["lint", "k8s", "--fix", "--no-color"]),
        ["plan text"] = (Cluster, null, ["plan", "--no-color", "--nodes", "300"]),
        ["plan json"] = (Cluster, null, ["plan", "--format", "json"]),
        ["plan markdown"] = (Cluster, null, ["plan", "--format", "markdown"]),
        ["plan svg"] = (Cluster, null, ["plan", "--format", "svg", "-o", "plan.svg"]),
        ["rules"] = (_ => { }, null, ["rules"]),
        ["explain"] = (_ => { }, null, ["explain", "DS2030"]),
        ["help"] = (_ => { }, null, ["lint", "--help"]),
        ["usage error"] = (_ => { }, null, ["lint", "--format", "yaml"]),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Native_build_does_what_the_jit_build_does(string name)
    {
        if (!IsLinuxX64)
        {
            return;
        }

        var (setup, input, args) = Cases[name];
        using var folder = new TempFolder();
        var native = RunInFreshFolder(folder, setup, () => Dslint.RunProcess(tool.Shim, args, folder.Path, input));
        var jit = RunInFreshFolder(folder, setup, () => Dslint.RunProcess("dotnet", [Dslint.DllPath, .. args], folder.Path, input));

        Assert.Equal(jit.Result.ToString(), native.Result.ToString());
        Assert.Equal(jit.Files, native.Files);
    }

    [Fact]
    public async Task Native_builds_language_server_is_the_jit_build_over_the_same_process_and_streams()
    {
        if (!IsLinuxX64)
        {
            return;
        }

        using var folder = new TempFolder();
        var start = new ProcessStartInfo(tool.Shim)
        {
            WorkingDirectory = folder.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("lsp");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var input = process.StandardInput.BaseStream;
        var output = process.StandardOutput.BaseStream;

        // A server that stops answering is killed: its output ends and the read below fails instead of waiting forever.
        using var watchdog = new Timer(_ => process.Kill(entireProcessTree: true), null, TimeSpan.FromSeconds(60), Timeout.InfiniteTimeSpan);
        try
        {
            Send(input, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}""");
            var initialized = Receive(output, m => m["id"] is not null);
            Assert.Equal("dslint", (string)initialized["result"]!["serverInfo"]!["name"]!);
            Send(input, """{"jsonrpc":"2.0","method":"initialized","params":{}}""");

            var uri = new Uri(Path.Combine(folder.Path, "svc.yaml")).AbsoluteUri;
            Send(input, new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["method"] = "textDocument/didOpen",
                ["params"] = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = Service } },
            }.ToJsonString());
            var published = Receive(output, m => (string?)m["method"] == "textDocument/publishDiagnostics" && ((JsonArray)m["params"]!["diagnostics"]!).Count > 0);
            Assert.Equal("DS2005", (string)published["params"]!["diagnostics"]![0]!["code"]!);

            Send(input, """{"jsonrpc":"2.0","id":2,"method":"shutdown"}""");
            Receive(output, m => (int?)m["id"] == 2);
            Send(input, """{"jsonrpc":"2.0","method":"exit"}""");
            Assert.True(process.WaitForExit(30_000));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        // The exit code comes from the server (0 after shutdown), and nothing was reported on standard error.
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(string.Empty, await stderr);
    }

    private static (DslintResult Result, SortedDictionary<string, string> Files) RunInFreshFolder(TempFolder folder, Action<TempFolder> setup, Func<DslintResult> run)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder.Path))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        setup(folder);
        var result = run();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(folder.Path, file)] = Convert.ToBase64String(File.ReadAllBytes(file));
        }

        return (result, files);
    }

    private static void Demo(TempFolder folder)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "samples", "k8s-demo"), "*.yaml", SearchOption.AllDirectories))
        {
            folder.Write(Path.Combine("k8s", Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "samples", "k8s-demo"), file)), File.ReadAllText(file));
        }
    }

    private static void Cluster(TempFolder folder) => folder.Write("kind.yaml", KindCluster);

    private static void Send(Stream input, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        input.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        input.Write(body);
        input.Flush();
    }

    /// <summary>Reads framed messages until one matches (skipping others, e.g. log notifications).</summary>
    private static JsonNode Receive(Stream output, Func<JsonNode, bool> wanted)
    {
        while (true)
        {
            var length = -1;
            string header;
            while ((header = ReadHeaderLine(output)).Length > 0)
            {
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            Assert.True(length >= 0, "a message without Content-Length");
            var body = new byte[length];
            output.ReadExactly(body);
            var message = JsonNode.Parse(body)!;
            if (wanted(message))
            {
                return message;
            }
        }
    }

    private static string ReadHeaderLine(Stream output)
    {
        var line = new StringBuilder();
        while (true)
        {
            var b = output.ReadByte();
            Assert.True(b >= 0, "the server closed its output");
            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)b);
        }
    }
}
