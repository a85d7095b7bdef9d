using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.AnalyzerCost;

/// <summary>One finding, with its path relative to the folder that holds the repositories (repo/dir/File.cs).</summary>
internal sealed record Finding(string File, int Line, int Column, string Id, DiagnosticSeverity Severity, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column} {Id} {Severity} {Message}";
}

/// <summary>An exception an analyzer threw (what the build reports as AD0001).</summary>
internal sealed record AnalyzerFailure(string Analyzer, string Exception, string Context);

/// <summary>What one analysis pass over one compilation produced.</summary>
internal sealed record PassResult(
    TimeSpan Wall,
    TimeSpan Cpu,
    IReadOnlyDictionary<DiagnosticAnalyzer, TimeSpan> ExecutionTimes,
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlyList<AnalyzerFailure> Failures);

/// <summary>Runs analyzers over a fresh clone of a compilation (so no binding is cached from an earlier pass).</summary>
internal static class AnalyzerRun
{
    public static async Task<PassResult> RunAsync(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, bool logExecutionTime)
    {
        var failures = new List<AnalyzerFailure>();
        var fresh = compilation.Clone();

        // Start every pass with an empty heap, so no pass pays for the garbage of the one before it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var withAnalyzers = fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, diagnostic) =>
            {
                lock (failures)
                {
                    failures.Add(new AnalyzerFailure(AnalyzerSet.NameOf(analyzer), Describe(exception), Context(diagnostic)));
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: logExecutionTime,
            reportSuppressedDiagnostics: false));

        // Every analyzer's diagnostics and execution times (Roslyn keeps the times in the analysis result), then the
        // compiler's own diagnostics: together what a build computes.
        var analysis = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
        var compilerDiagnostics = fresh.GetDiagnostics();
        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var times = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
        if (logExecutionTime)
        {
            foreach (var analyzer in analyzers)
            {
                times[analyzer] = analysis.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var info) ? info.ExecutionTime : TimeSpan.Zero;
            }
        }

        var diagnostics = compilerDiagnostics.AddRange(analysis.GetAllDiagnostics());
        return new PassResult(stopwatch.Elapsed, cpu, times, diagnostics, failures);
    }

    private static string Describe(Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return $"{exception.GetType().Name}: {exception.Message} {frame}";
    }

    // Roslyn's AD0001 message names the file the analyzer was looking at ("… SyntaxTree: path …").
    private static string Context(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var at = message.IndexOf("SyntaxTree:", StringComparison.Ordinal);
        return at < 0 ? "" : message[at..].Split('\n')[0].Trim();
    }
}
