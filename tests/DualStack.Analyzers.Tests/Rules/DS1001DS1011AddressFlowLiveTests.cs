using System.Collections.Immutable;
using DualStack.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests.Rules;

/// <summary>
/// The flow run the way the IDE runs it: per document, without compilation end (what an editor shows as the user
/// types), and the whole compilation (what a build and full-solution analysis show). A chain whose value and sink
/// are in one type is live; a chain across types waits for compilation end; each is reported exactly once.
/// </summary>
public sealed class DS1001DS1011AddressFlowLiveTests
{
    // Value and bind in one type.
    private const string Server = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Server
        {
            private readonly IPAddress _address;

            public Server(IPAddress address) => _address = address ?? IPAddress.Any;

            public TcpListener Start(int port)
            {
                var listener = new TcpListener(_address, port);
                listener.Start();
                return listener;
            }
        }
        """;

    // The first DNS answer kept in a field and connected in the same type.
    private const string Client = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Client
        {
            private readonly IPAddress _remote = Dns.GetHostEntry("example.org").AddressList[0];

            public void Open(Socket socket, int port) => socket.Connect(_remote, port);
        }
        """;

    // The value in an options type, bound by another type.
    private const string Options = """
        using System.Net;

        public sealed class ListenOptions
        {
            public IPAddress Ip { get; set; } = IPAddress.Any;
        }
        """;

    private const string Listener = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class SocketListener
        {
            private readonly ListenOptions _options;

            public SocketListener(ListenOptions options) => _options = options;

            public void Start(Socket socket, int port) => socket.Bind(new IPEndPoint(_options.Ip, port));
        }
        """;

    [Fact]
    public async Task Document_analysis_reports_the_chain_within_a_type_without_the_compilation_end_tag()
    {
        var (compilation, trees) = await CompileAsync(Server, Client, Options, Listener);
        var analyzers = Analyze(compilation, concurrent: false);

        var server = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(trees[0]), null, CancellationToken.None);
        var client = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(trees[1]), null, CancellationToken.None);

        var wildcard = Assert.Single(server);
        Assert.Equal("DS1001", wildcard.Id);
        Assert.Equal(DiagnosticSeverity.Warning, wildcard.Severity);
        Assert.Equal("IPAddress.Any", Text(wildcard));
        Assert.Contains("stored in 'Server._address', which new TcpListener in 'Server.Start' reads", wildcard.GetMessage());
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, wildcard.Descriptor.CustomTags);

        var answer = Assert.Single(client);
        Assert.Equal("DS1011", answer.Id);
        Assert.Equal(DiagnosticSeverity.Warning, answer.Severity);
        Assert.Contains("stored in 'Client._remote', which Socket.Connect in 'Client.Open' reads", answer.GetMessage());
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, answer.Descriptor.CustomTags);
    }

    [Fact]
    public async Task Document_analysis_leaves_the_chain_across_types_to_compilation_end()
    {
        var (compilation, trees) = await CompileAsync(Server, Client, Options, Listener);
        var analyzers = Analyze(compilation, concurrent: false);

        foreach (var tree in trees.Skip(2))
        {
            Assert.Empty(await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_whole_compilation_reports_each_chain_exactly_once(bool concurrent)
    {
        var (compilation, trees) = await CompileAsync(Server, Client, Options, Listener);

        var diagnostics = await Analyze(compilation, concurrent).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var found = diagnostics.Select(d => (d.Id, File: d.Location.SourceTree == trees[0] ? "Server" : d.Location.SourceTree == trees[1] ? "Client" : "Options", Text(d)))
            .OrderBy(f => f.File, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("DS1011", "Client", "Dns.GetHostEntry(\"example.org\").AddressList[0]"), ("DS1001", "Options", "IPAddress.Any"), ("DS1001", "Server", "IPAddress.Any")],
            found);
        var acrossTypes = diagnostics.Single(d => d.Location.SourceTree == trees[2]);
        Assert.Contains("stored in 'ListenOptions.Ip', which Socket.Bind in 'SocketListener.Start' reads", acrossTypes.GetMessage());
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, acrossTypes.Descriptor.CustomTags);
    }

    [Fact]
    public async Task A_partial_type_is_one_type_whichever_of_its_files_is_open()
    {
        // The default in one file of the type, the bind in the other: the type's symbol end sees both parts.
        var defaults = """
            using System.Net;

            public sealed partial class Node
            {
                private IPAddress _address;

                public Node(IPAddress address) => _address = address ?? IPAddress.Any;
            }
            """;
        var start = """
            using System.Net.Sockets;

            public sealed partial class Node
            {
                public TcpListener Start(int port)
                {
                    var listener = new TcpListener(_address, port);
                    listener.Start();
                    return listener;
                }
            }
            """;
        var (compilation, trees) = await CompileAsync(defaults, start);
        var analyzers = Analyze(compilation, concurrent: true);

        var open = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(trees[0]), null, CancellationToken.None);
        var all = await analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Equal("IPAddress.Any", Text(Assert.Single(open)));
        Assert.Equal(trees[0], Assert.Single(all).Location.SourceTree);
    }

    [Fact]
    public async Task Top_level_statements_still_take_part_in_the_flow_across_types()
    {
        // Facts are collected per named type: the statements' operations belong to the synthesized Program type.
        var program = """
            using System.Net;

            var options = new ListenOptions();
            options.Ip = IPAddress.Any;
            """;
        var (compilation, trees) = await CompileAsync(OutputKind.ConsoleApplication, program, Options.Replace(" = IPAddress.Any;", ""), Listener);

        var diagnostics = await Analyze(compilation, concurrent: true).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var wildcard = Assert.Single(diagnostics);
        Assert.Equal(trees[0], wildcard.Location.SourceTree);
        Assert.Contains("stored in 'ListenOptions.Ip', which Socket.Bind in 'SocketListener.Start' reads", wildcard.GetMessage());
    }

    private static string Text(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static CompilationWithAnalyzers Analyze(Compilation compilation, bool concurrent) =>
        compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new DS1001DS1011AddressFlowAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => throw new InvalidOperationException("analyzer threw", exception),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false));

    private static Task<(Compilation, SyntaxTree[])> CompileAsync(params string[] sources) =>
        CompileAsync(OutputKind.DynamicallyLinkedLibrary, sources);

    private static async Task<(Compilation, SyntaxTree[])> CompileAsync(OutputKind kind, params string[] sources)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"/0/File{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create("Live", trees, references, new CSharpCompilationOptions(kind));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (compilation, trees);
    }
}
