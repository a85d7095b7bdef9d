using System.Text;
using BenchmarkDotNet.Attributes;
using DualStack.Cli.Lsp.Documents;
using DualStack.Cli.Lsp.Linting;
using DualStack.Cli.Lsp.Protocol;
using DualStack.Cli.Lsp.Workspace;
using DualStack.Manifests;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Benchmarks;

/// <summary>
/// What <c>dslint lsp</c> does after an edit of a 2,000-line manifest, once started (JIT done): apply the incremental
/// change, resolve the document's editorconfig, lint it against the workspace's cluster model (a dual-stack kind
/// config), and turn the findings into diagnostics. The baseline is YamlDotNet parsing the same text and nothing else.
/// </summary>
[MemoryDiagnoser]
public class LspRelintBenchmarks
{
    private string _folder = string.Empty;
    private string _text = string.Empty;
    private DocumentLocation _location = null!;
    private ClusterConfigIndex _cluster = null!;
    private EditorConfigCache _editorConfig = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "dslint-lsp-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(Path.Combine(_folder, "cluster"));
        File.WriteAllText(Path.Combine(_folder, ".editorconfig"), "root = true\n[*.yaml]\ndotnet_diagnostic.DS2030.severity = error\n");
        File.WriteAllText(Path.Combine(_folder, "cluster", "kind.yaml"), "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  ipFamily: dual\n");
        _text = Manifest(lines: 2000);
        _location = DocumentLocation.FromUri(DocumentLocation.UriOf(Path.Combine(_folder, "apps.yaml")));
        _cluster = new ClusterConfigIndex();
        _cluster.Scan(_folder, _ => { }, CancellationToken.None);
        _editorConfig = new EditorConfigCache(_ => { });
        var lines = _text.Count(c => c == '\n');
        var findings = Relint();
        Console.WriteLine($"// manifest: {lines} lines, {_text.Length:N0} characters, {findings} diagnostics");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "YamlDotNet parse of the same text")]
    public int YamlDotNetParse()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(_text));
        return stream.Documents.Count;
    }

    [Benchmark(Description = "LSP re-lint after an edit (change, config, lint, diagnostics)")]
    public int Relint()
    {
        // Replace one character of a name, as typing does; alternate so every run lints a changed text.
        var change = new TextDocumentContentChangeEvent(new DualStack.Cli.Lsp.Protocol.Range(new Position(3, 8), new Position(3, 9)), (_edit++ % 2 == 0) ? "x" : "a");
        _text = TextChanges.Apply(_text, [change]);
        var configuration = _editorConfig.For(_location.LocalPath);
        var result = DocumentLinter.Lint(_location, _text, wasManifest: true, configuration, _cluster.ContextFor(_location.EnginePath));
        return result.Findings.Where(DiagnosticMapper.IsShown).Select(DiagnosticMapper.ToDiagnostic).Count();
    }

    // Deployments and Services, some dual-stack-ready and some not, until the text has the wanted number of lines.
    private static string Manifest(int lines)
    {
        var text = new StringBuilder();
        for (var i = 0; text.ToString().Count(c => c == '\n') < lines; i++)
        {
            var listen = i % 3 == 0 ? "http://0.0.0.0:8080" : "http://[::]:8080";
            var policy = i % 2 == 0 ? "\n  ipFamilyPolicy: PreferDualStack" : string.Empty;
            text.Append($"""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app{i}
                  namespace: shop
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: app{i}
                  template:
                    metadata:
                      labels:
                        app: app{i}
                    spec:
                      containers:
                        - name: app
                          image: example/app:{i}
                          env:
                            - name: ASPNETCORE_URLS
                              value: {listen}
                          ports:
                            - containerPort: 8080
                          readinessProbe:
                            httpGet:
                              path: /healthz
                              port: 8080
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: app{i}
                  namespace: shop
                spec:{policy}
                  selector:
                    app: app{i}
                  ports:
                    - port: 80
                      targetPort: 8080
                ---

                """);
        }

        return text.ToString();
    }
}
