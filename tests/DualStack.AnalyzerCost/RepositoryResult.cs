using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.AnalyzerCost;

/// <summary>One DS1xxx analyzer set's figures over a whole repository, summed over its projects.</summary>
internal sealed class RepositoryResult(AnalyzerSet baseline, AnalyzerSet set)
{
    public AnalyzerSet Baseline { get; } = baseline;

    public AnalyzerSet Set { get; } = set;

    /// <summary>Execution time per analyzer (baseline and DS1xxx), from the pass that ran both with timing on.</summary>
    public Dictionary<string, TimeSpan> AnalyzerTimes { get; } = new(StringComparer.Ordinal);

    public HashSet<string> SetAnalyzerNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Wall time of the timed pass: compiler diagnostics plus baseline plus DS1xxx analyzers.</summary>
    public TimeSpan TimedWall { get; set; }

    /// <summary>Wall time of compiler plus baseline analyzers, and of compiler plus baseline plus DS1xxx (timing off).</summary>
    public TimeSpan BaselineWall { get; set; }

    public TimeSpan WithSetWall { get; set; }

    /// <summary>The compilation's symbol set-up, done by <see cref="SymbolSetupProbe"/> before the analyzers (timed pass).</summary>
    public TimeSpan SetupTime { get; set; }

    /// <summary>The same two figures in CPU time of the process (less disturbed by other work on a shared machine).</summary>
    public TimeSpan BaselineCpu { get; set; }

    public TimeSpan WithSetCpu { get; set; }

    public List<Finding> Findings { get; } = [];

    public Dictionary<(string Id, DiagnosticSeverity Severity), int> BaselineFindings { get; } = [];

    public List<AnalyzerFailure> Failures { get; } = [];

    public TimeSpan SetTime => Sum(SetAnalyzerNames.Contains);

    public TimeSpan BaselineTime => Sum(n => !SetAnalyzerNames.Contains(n));

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

    public void AddTimedPass(PassResult pass, string relativeRoot)
    {
        TimedWall += pass.Wall;
        foreach (var (analyzer, time) in pass.ExecutionTimes)
        {
            if (analyzer is SymbolSetupProbe)
            {
                SetupTime += time;
                continue;
            }

            var name = AnalyzerSet.NameOf(analyzer);
            AnalyzerTimes[name] = AnalyzerTimes.GetValueOrDefault(name) + time;
            if (Set.Analyzers.Contains(analyzer))
            {
                SetAnalyzerNames.Add(name);
            }
        }

        foreach (var diagnostic in pass.Diagnostics.Where(d => !d.IsSuppressed))
        {
            if (Set.Ids.Contains(diagnostic.Id))
            {
                Findings.Add(ToFinding(diagnostic, relativeRoot));
            }
            else if (Baseline.Ids.Contains(diagnostic.Id))
            {
                var key = (diagnostic.Id, diagnostic.Severity);
                BaselineFindings[key] = BaselineFindings.GetValueOrDefault(key) + 1;
            }
        }

        Failures.AddRange(pass.Failures);
        Failures.AddRange(pass.Diagnostics.Where(d => d.Id == "AD0001")
            .Select(d => new AnalyzerFailure("(reported as AD0001)", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\n')[0], "")));
    }

    private TimeSpan Sum(Func<string, bool> which) =>
        AnalyzerTimes.Where(p => which(p.Key)).Aggregate(TimeSpan.Zero, (total, p) => total + p.Value);

    private static Finding ToFinding(Diagnostic diagnostic, string relativeRoot)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = string.IsNullOrEmpty(span.Path) ? "(no file)" : Path.GetRelativePath(relativeRoot, span.Path).Replace('\\', '/');
        return new Finding(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, diagnostic.Id, diagnostic.Severity,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
