using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.Benchmarks;

/// <summary>
/// The analyzers' cost on a large generated compilation: the compiler's own diagnostics against the same
/// compilation with every DS1xxx analyzer attached. Half of the files use sockets, listeners, DNS and URL strings
/// (flagged and correct shapes), half are plain code the analyzers must skip cheaply.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private ImmutableArray<SyntaxTree> _trees;
    private ImmutableArray<MetadataReference> _references;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private Compilation _compilation = null!;

    [Params(400)]
    public int Files { get; set; }

    /// <summary>Lines of C# in the generated compilation (printed in the summary via the Files parameter × ~100).</summary>
    public int Lines { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var sources = Enumerable.Range(0, Files).Select(i => i % 2 == 0 ? GeneratedCode.Networking(i) : GeneratedCode.Plain(i)).ToList();
        Lines = sources.Sum(s => s.Count(c => c == '\n'));
        _trees = [.. sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, $"File{i}.cs"))];
        _references = [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p))];
        _analyzers = [.. typeof(DualStack.Analyzers.Rules.DS1001IPv4WildcardBindAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];
        Console.WriteLine($"// {Files} files, {Lines} lines, {_analyzers.Length} analyzers");
    }

    // A fresh compilation per iteration: a compilation caches its binding, which would hide the compiler's cost.
    [IterationSetup]
    public void NewCompilation() =>
        _compilation = CSharpCompilation.Create("Bench", _trees, _references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    [Benchmark(Baseline = true)]
    public int CompilerOnly() => _compilation.GetDiagnostics().Length;

    [Benchmark]
    public int CompilerAndAnalyzers() =>
        _compilation.WithAnalyzers(_analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
}
