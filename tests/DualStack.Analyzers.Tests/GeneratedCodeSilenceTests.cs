using System.Collections.Immutable;
using System.Reflection;
using DualStack.Analyzers.Tests.Stubs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests;

/// <summary>
/// No analyzer reports in generated code: a generated file name, an <c>&lt;auto-generated&gt;</c> header, or a type
/// marked <c>[GeneratedCode]</c>. Most analyzers configure <c>GeneratedCodeAnalysisFlags.ReportDiagnostics</c> rather
/// than <c>None</c> (Roslyn's per-report generated-code check binds the attributes of every declaration of a file on
/// the first report there, a large share of a rule's time on real code): generated code still gets no callbacks, and
/// each of them reports only inside the operation it was called for, so nothing can land in generated code. Each
/// sample below fires in a hand-written file (checked first, so the silent cases cannot pass vacuously) and stays
/// silent in the three generated shapes. Every analyzer of the assembly needs a sample.
/// </summary>
public sealed class GeneratedCodeSilenceTests
{
    // "[ATTR]" marks where the [GeneratedCode] attribute goes in the third shape.
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["DS1001IPv4WildcardBindAnalyzer"] = """
            using System.Net; using System.Net.Sockets;
            [ATTR] class Sample { TcpListener Start(int port) => new TcpListener(IPAddress.Any, port); }
            """,
        ["DS1001DS1011AddressFlowAnalyzer"] = """
            using System.Net; using System.Net.Sockets;
            [ATTR] class Sample
            {
                private IPAddress _address = IPAddress.Any;
                public void Start() { var listener = new TcpListener(_address, 80); listener.Start(); }
            }
            """,
        ["DS1002IPv4DefaultConstructorAnalyzer"] = """
            using System.Net.Sockets;
            [ATTR] class Sample { UdpClient Receive(int port) => new UdpClient(port); }
            """,
        ["DS1003ExplicitIPv4SocketAnalyzer"] = """
            using System.Net.Sockets;
            [ATTR] class Sample
            {
                void Connect(string host, int port)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.Connect(host, port);
                }
            }
            """,
        ["DS1004IPv4OnlyAddressApiAnalyzer"] = """
            using System.Net; using System.Net.Sockets;
            [ATTR] class Sample { TcpListener Listen(long address, int port) => new TcpListener(new IPAddress(address), port); }
            """,
        ["DS1005UnguardedMapToIPv4Analyzer"] = """
            using System.Net;
            [ATTR] class Sample { string Show(IPAddress address) => address.MapToIPv4().ToString(); }
            """,
        ["DS1006FourByteAddressAssumptionAnalyzer"] = """
            using System; using System.Net;
            [ATTR] class Sample { uint Key(IPAddress address) => BitConverter.ToUInt32(address.GetAddressBytes(), 0); }
            """,
        ["DS1007LoopbackComparisonAnalyzer"] = """
            using System.Net;
            [ATTR] class Sample { bool IsLocal(IPAddress address) => address.Equals(IPAddress.Loopback); }
            """,
        ["DS1008HardCodedIPv4LiteralAnalyzer"] = """
            using System.Net.Sockets;
            [ATTR] class Sample { TcpClient Connect() => new TcpClient("10.1.2.3", 80); }
            """,
        ["DS1009DS1011AddressResolutionAnalyzer"] = """
            using System.Linq; using System.Net; using System.Net.Sockets;
            [ATTR] class Sample
            {
                IPAddress Pick(string host) => Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork);
            }
            """,
        ["DS1010ListenUrlAnalyzer"] = """
            using Microsoft.AspNetCore.Hosting;
            [ATTR] class Sample { void Configure(IWebHostBuilder builder) => builder.UseUrls("http://0.0.0.0:5000"); }
            """,
        ["DS1012HostPortCompositionAnalyzer"] = """
            using System; using System.Net;
            [ATTR] class Sample { Uri Url(IPAddress ip, int port) => new Uri($"http://{ip}:{port}/"); }
            """,
        ["DS1013HostPortSplitAnalyzer"] = """
            [ATTR] class Sample { string Host(string hostAndPort) => hostAndPort.Split(':')[0]; }
            """,
        ["DS1014IPv4ValidationAnalyzer"] = """
            using System.Text.RegularExpressions;
            [ATTR] class Sample { bool IsValidHost(string host) => Regex.IsMatch(host, @"^([0-9]{1,3}\.){3}[0-9]{1,3}(:\d+)?$"); }
            """,
        ["DS1014GeneratedRegexAnalyzer"] = """
            using System.Text.RegularExpressions;
            [ATTR] partial class Sample
            {
                [GeneratedRegex(@"^(\d{1,3}\.){3}\d{1,3}$")]
                private static partial Regex AddressRegex();
                private static partial Regex AddressRegex() => new Regex(".");
            }
            """,
        ["DS1015IPv6WithoutFallbackAnalyzer"] = """
            using System.Net; using System.Net.Sockets;
            [ATTR] class Sample { TcpListener Start(int port) => new TcpListener(IPAddress.IPv6Any, port); }
            """,
        ["DS1016HttpListenerPrefixAnalyzer"] = """
            using System.Net;
            [ATTR] class Sample { void Listen(HttpListener listener) => listener.Prefixes.Add("http://*:8080/"); }
            """,
    };

    public static TheoryData<string> AnalyzerNames()
    {
        var data = new TheoryData<string>();
        foreach (var type in AnalyzerTypes())
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public async Task Analyzer_fires_in_hand_written_code_and_stays_silent_in_generated_code(string analyzerName)
    {
        Assert.True(Samples.TryGetValue(analyzerName, out var sample), $"{analyzerName} has no sample here: add one that it reports");

        var handWritten = await ReportedAsync(analyzerName, "Sample.cs", sample!.Replace("[ATTR]", string.Empty, StringComparison.Ordinal));
        Assert.NotEmpty(handWritten);

        Assert.Empty(await ReportedAsync(analyzerName, "Sample.g.cs", sample.Replace("[ATTR]", string.Empty, StringComparison.Ordinal)));
        Assert.Empty(await ReportedAsync(analyzerName, "Sample.cs", "// <auto-generated/>\n" + sample.Replace("[ATTR]", string.Empty, StringComparison.Ordinal)));
        Assert.Empty(await ReportedAsync(analyzerName, "Sample.cs", sample.Replace("[ATTR]", "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]", StringComparison.Ordinal)));
    }

    /// <summary>The ids the analyzer reports for the sample (compiled with the string-rule stubs, .NET 8 references).</summary>
    private static async Task<List<string>> ReportedAsync(string analyzerName, string path, string source)
    {
        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(AnalyzerTypes().Single(t => t.Name == analyzerName))!;
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "GeneratedCodeSilence",
            [CSharpSyntaxTree.ParseText(source, path: "/0/" + path), CSharpSyntaxTree.ParseText(StringRuleStubs.Source, path: "/0/Stubs.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var compilerErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compilerErrors.Count == 0, string.Join("\n", compilerErrors));

        var diagnostics = await compilation
            .WithAnalyzers([analyzer], new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return [.. diagnostics.Select(d => d.Id)];
    }

    private static IReadOnlyList<Type> AnalyzerTypes() =>
        typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
}
