using System.Collections.Immutable;
using System.Reflection;
using DualStack.Analyzers.Tests.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests;

/// <summary>
/// Every analyzer of DualStack.Analyzers, found by reflection, runs on empty source and on incomplete code without
/// throwing (no AD0001), so a rule added later is covered without anyone remembering to add it here.
/// </summary>
public sealed class AnalyzerRobustnessTests
{
    private const string IncompleteCode = """
        using System;
        using System.Linq;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        class Broken : Unknown
        {
            IPAddress _field = IPAddress.
            static readonly IPAddress Any = IPAddress.Any
            int Property =>

            async Task M(IPAddress x, Socket s, KestrelServerOptions options
            {
                var l = new TcpListener(IPAddress.Any,
                var m = new TcpListener(Missing.Any, 80);
                s.Bind(new IPEndPoint(
                s.Bind(new IPEndPoint(IPAddress.Any, 80)
                options.Listen(IPAddress.Any, ;
                options.Listen(
                if (x.Equals(IPAddress.Loopback)
                if (x == IPAddress.
                var b = x.GetAddressBytes()[
                var c = BitConverter.ToUInt32(x.GetAddressBytes(),
                x.MapToIPv4(
                unknown?.MapToIPv4().
                s.DualMode =
                s.DualMode = true
                var u = new UdpClient(
                var v = new UdpClient()
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream
                socket.Connect(
                var w = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = 
                var url = $"http://{x}:{
                var parts = "0.0.0.0:80".Split(':')[
                var first = Dns.GetHostAddresses("h")[0
                Environment.SetEnvironmentVariable("ASPNETCORE_URLS",
                await Task.
                x.Address = 
                new IPAddress(0x0100007F
                switch (x.AddressFamily) { case AddressFamily.
                try { new TcpListener(IPAddress.IPv6Any, 1) } catch
                Func<IPAddress, bool> f = a => a.Equals(IPAddress.Any) &&
            }

            void Local() { void Inner(IPAddress a) => a.MapToIPv4(
        """;

    public static TheoryData<string> AnalyzerTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in AllAnalyzerTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void The_analyzer_assembly_has_analyzers() => Assert.NotEmpty(AllAnalyzerTypes());

    [Theory]
    [MemberData(nameof(AnalyzerTypes))]
    public Task Analyzer_runs_on_empty_source_without_exceptions(string analyzerType) =>
        RunAsync(analyzerType, string.Empty);

    [Theory]
    [MemberData(nameof(AnalyzerTypes))]
    public Task Analyzer_runs_on_incomplete_code_without_exceptions(string analyzerType) =>
        RunAsync(analyzerType, IncompleteCode, KestrelStubs.Source);

    [Theory]
    [MemberData(nameof(AnalyzerTypes))]
    public void Analyzer_is_declared_for_CSharp_and_reports_catalog_rules(string analyzerType)
    {
        var type = AllAnalyzerTypes().Single(t => t.FullName == analyzerType);
        var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
        Assert.NotNull(attribute);
        Assert.Contains(LanguageNames.CSharp, attribute!.Languages);

        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
        Assert.NotEmpty(analyzer.SupportedDiagnostics);
        foreach (var descriptor in analyzer.SupportedDiagnostics)
        {
            Assert.True(DualStack.Rules.RuleCatalog.TryGet(descriptor.Id, out _), $"{descriptor.Id} is not in the rule catalog");
        }
    }

    [Fact]
    public async Task The_harness_notices_an_analyzer_that_throws()
    {
        // Guards the guard: if exceptions were swallowed, every test above would pass vacuously.
        var exceptions = await AnalyzeAsync(new ThrowingAnalyzer(), "class C { void M() { } }");
        Assert.NotEmpty(exceptions);
    }

    private static async Task RunAsync(string analyzerType, params string[] sources)
    {
        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(AllAnalyzerTypes().Single(t => t.FullName == analyzerType))!;
        Assert.Empty(await AnalyzeAsync(analyzer, sources));
    }

    /// <summary>Runs one analyzer over the sources and returns the exceptions it threw (an AD0001 counts as one).</summary>
    private static async Task<List<Exception>> AnalyzeAsync(DiagnosticAnalyzer analyzer, params string[] sources)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"/0/Test{i}.cs"));
        var compilation = CSharpCompilation.Create(
            "Robustness",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create(analyzer), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => new InvalidOperationException(d.ToString())));
        return exceptions;
    }

    // A test double, never shipped: release tracking and the analyzer-project rules do not apply.
#pragma warning disable RS1036, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "Test", "Test", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => throw new InvalidOperationException("deliberate"), OperationKind.MethodBody);
        }
    }
#pragma warning restore RS1036, RS2008

    private static IReadOnlyList<Type> AllAnalyzerTypes() =>
        typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
}
