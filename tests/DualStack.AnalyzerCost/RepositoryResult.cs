using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.AnalyzerCost;

/// <summary>One DS1xxx analyzer set's figures over a whole repository, summed over its projects.</summary>
internal sealed class RepositoryResult(AnalyzerSet baseline, AnalyzerSet set)
{
    public AnalyzerSet Baseline { get; } = baseline;

    public AnalyzerSet Set { get; } = set;

    /// <summary>
    /// Execution time per analyzer (baseline and DS1xxx) and wall time of the passes that ran both with timing on:
    /// medians and minimums of the timed passes, and the warm-up (cold first) pass apart.
    /// </summary>
    public PassStatistics Timing { get; } = new();

    public IReadOnlySet<string> SetAnalyzerNames { get; } = set.Analyzers.Select(AnalyzerSet.NameOf).ToHashSet(StringComparer.Ordinal);

    /// <summary>Timed passes whose findings differed from the project's first pass's (analyzers must be deterministic: 0).</summary>
    public int PassesWithOtherFindings { get; private set; }

    /// <summary>Wall time of compiler plus baseline analyzers, and of compiler plus baseline plus DS1xxx (timing off).</summary>
    public TimeSpan BaselineWall { get; set; }

    public TimeSpan WithSetWall { get; set; }

    /// <summary>The same two figures in CPU time of the process (less disturbed by other work on a shared machine).</summary>
    public TimeSpan BaselineCpu { get; set; }

    public TimeSpan WithSetCpu { get; set; }

    public List<Finding> Findings { get; } = [];

    public Dictionary<(string Id, DiagnosticSeverity Severity), int> BaselineFindings { get; } = [];

    public List<AnalyzerFailure> Failures { get; } = [];

    /// <summary>The compilation's symbol set-up, done by <see cref="SymbolSetupProbe"/> before the analyzers (median).</summary>
    public TimeSpan SetupTime => Timing.Median.GetValueOrDefault(SymbolSetupProbe.Name);

    public TimeSpan SetTime => Sum(Timing.Median, SetAnalyzerNames.Contains);

    public TimeSpan BaselineTime => Sum(Timing.Median, IsBaseline);

    public TimeSpan ColdSetTime => Sum(Timing.Cold, SetAnalyzerNames.Contains);

    public TimeSpan ColdBaselineTime => Sum(Timing.Cold, IsBaseline);

    public bool IsBaseline(string name) => !SetAnalyzerNames.Contains(name) && name != SymbolSetupProbe.Name;

    /// <summary>Added wall and CPU time of the set over the baseline in each round, summed over the projects.</summary>
    public List<(TimeSpan Wall, TimeSpan Cpu)> AddedPerRound { get; } = [];

    public void AddRound(int round, TimeSpan addedWall, TimeSpan addedCpu)
    {
        while (AddedPerRound.Count <= round)
        {
            AddedPerRound.Add((TimeSpan.Zero, TimeSpan.Zero));
        }

        AddedPerRound[round] = (AddedPerRound[round].Wall + addedWall, AddedPerRound[round].Cpu + addedCpu);
    }

    /// <summary>The project the warm-up (cold first) pass ran over.</summary>
    public string? WarmupProject { get; private set; }

    /// <summary>The warm-up pass over the repository's largest project: its figures are the cold first pass.</summary>
    public void AddWarmup(PassResult warmup, string project)
    {
        WarmupProject = project;
        Timing.AddWarmup(TimesOf(warmup));
        AddFailures(warmup);
    }

    /// <summary>
    /// Adds one project's timed passes: medians; findings from the first, compared with the others'. Exceptions are
    /// collected from every pass, once per analyzer, exception and file.
    /// </summary>
    public void AddProject(IReadOnlyList<PassResult> timed, string relativeRoot)
    {
        Timing.AddProject([.. timed.Select(TimesOf)]);
        var first = timed[0];
        var findings = FindingsOf(first, relativeRoot);
        Findings.AddRange(findings);
        var expected = findings.Select(f => f.ToString()).Order(StringComparer.Ordinal).ToList();
        PassesWithOtherFindings += timed.Skip(1).Count(p => !FindingsOf(p, relativeRoot).Select(f => f.ToString()).Order(StringComparer.Ordinal).SequenceEqual(expected));

        foreach (var diagnostic in first.Diagnostics.Where(d => !d.IsSuppressed && Baseline.Ids.Contains(d.Id)))
        {
            var key = (diagnostic.Id, diagnostic.Severity);
            BaselineFindings[key] = BaselineFindings.GetValueOrDefault(key) + 1;
        }

        foreach (var pass in timed)
        {
            AddFailures(pass);
        }
    }

    private void AddFailures(PassResult pass)
    {
        var failures = pass.Failures.Concat(pass.Diagnostics.Where(d => d.Id == "AD0001")
            .Select(d => new AnalyzerFailure("(reported as AD0001)", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\n')[0], "")));
        Failures.AddRange(failures.Where(f => !Failures.Contains(f)));
    }

    private List<Finding> FindingsOf(PassResult pass, string relativeRoot) =>
        [.. pass.Diagnostics.Where(d => !d.IsSuppressed && Set.Ids.Contains(d.Id)).Select(d => ToFinding(d, relativeRoot))];

    private static PassTimes TimesOf(PassResult pass) => new(pass.Wall, pass.ExecutionTimes.ToDictionary(
        p => p.Key is SymbolSetupProbe ? SymbolSetupProbe.Name : AnalyzerSet.NameOf(p.Key), p => p.Value, StringComparer.Ordinal));

    private static TimeSpan Sum(IReadOnlyDictionary<string, TimeSpan> times, Func<string, bool> which) =>
        times.Where(p => which(p.Key)).Aggregate(TimeSpan.Zero, (total, p) => total + p.Value);

    private static Finding ToFinding(Diagnostic diagnostic, string relativeRoot)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = string.IsNullOrEmpty(span.Path) ? "(no file)" : Path.GetRelativePath(relativeRoot, span.Path).Replace('\\', '/');
        return new Finding(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, diagnostic.Id, diagnostic.Severity,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
