using Microsoft.CodeAnalysis;

namespace DualStack.AnalyzerCost;

/// <summary>Prints one analyzer set's figures for a repository as Markdown.</summary>
internal static class Report
{
    public static void Print(RepositoryResult result, int repeat)
    {
        var timing = result.Timing;
        Console.WriteLine();
        Console.WriteLine($"## {result.Set.Label}");
        Console.WriteLine();
        Console.WriteLine($"Analysis time of the repository (compiler diagnostics + baseline + {result.Set.Label}; per project the median of "
            + $"{timing.Passes} timed passes, summed): {timing.MedianWall.TotalSeconds:F2} s (minimum {timing.MinWall.TotalSeconds:F2} s)");
        Console.WriteLine();
        Console.WriteLine("| analyzer | set | median execution time (s) | minimum (s) | share of analysis time (medians) | share (minimums) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (name, time) in timing.Median.Where(p => p.Key != SymbolSetupProbe.Name).OrderByDescending(p => p.Value))
        {
            var isSet = result.SetAnalyzerNames.Contains(name);
            if (!isSet && time < TimeSpan.FromMilliseconds(5))
            {
                continue;
            }

            Console.WriteLine($"| {name} | {(isSet ? result.Set.Label : "baseline")} | {time.TotalSeconds:F5} | {timing.Min[name].TotalSeconds:F5} | {Percent(timing.MedianShare(time))} | {Percent(timing.MinShare(timing.Min[name]))} |");
        }

        var setMin = timing.Min.Where(p => result.SetAnalyzerNames.Contains(p.Key)).Aggregate(TimeSpan.Zero, (t, p) => t + p.Value);
        var baselineMin = timing.Min.Where(p => result.IsBaseline(p.Key)).Aggregate(TimeSpan.Zero, (t, p) => t + p.Value);
        var setTime = result.SetTime.TotalSeconds;
        var baselineTime = result.BaselineTime.TotalSeconds;
        Console.WriteLine($"| **all {result.SetAnalyzerNames.Count} {result.Set.Label} analyzers** | | **{setTime:F5}** | **{setMin.TotalSeconds:F5}** | **{Percent(timing.MedianShare(result.SetTime))}** | **{Percent(timing.MinShare(setMin))}** |");
        Console.WriteLine($"| **all {result.Baseline.Analyzers.Length} baseline analyzers** | | **{baselineTime:F5}** | **{baselineMin.TotalSeconds:F5}** | **{Percent(timing.MedianShare(result.BaselineTime))}** | **{Percent(timing.MinShare(baselineMin))}** |");
        Console.WriteLine();
        Console.WriteLine($"Compilation symbol set-up before any analyzer (first symbol access, in neither set): {result.SetupTime.TotalSeconds:F3} s ({Percent(timing.MedianShare(result.SetupTime))})");
        Console.WriteLine($"{result.Set.Label} / baseline execution time (medians): {(baselineTime > 0 ? setTime / baselineTime : double.NaN):F2}×");
        var coldTop = timing.Cold.Where(p => result.SetAnalyzerNames.Contains(p.Key)).OrderByDescending(p => p.Value).FirstOrDefault();
        Console.WriteLine($"Cold first pass (the warm-up pass over {result.WarmupProject} before anything was timed, JIT of the analyzer DLLs included; not in the figures above): "
            + $"analysis {timing.ColdWall.TotalSeconds:F2} s; all {result.Set.Label} {result.ColdSetTime.TotalSeconds:F3} s ({Percent(timing.ColdShare(result.ColdSetTime))}), "
            + $"all baseline {result.ColdBaselineTime.TotalSeconds:F3} s ({Percent(timing.ColdShare(result.ColdBaselineTime))}); "
            + $"largest {result.Set.Label} analyzer {coldTop.Key} {coldTop.Value.TotalSeconds:F3} s ({Percent(timing.ColdShare(coldTop.Value))})");
        Console.WriteLine($"Timed passes whose {result.Set.Label} findings differed from the project's first pass's: {result.PassesWithOtherFindings}");
        if (repeat > 0 && result.AddedPerRound.Count > 0)
        {
            var added = result.WithSetWall - result.BaselineWall;
            var addedCpu = result.WithSetCpu - result.BaselineCpu;
            Console.WriteLine($"Added time (best of {repeat} per project, fresh compilation clone each pass, timing off): "
                + $"wall: compiler + baseline {result.BaselineWall.TotalSeconds:F2} s, + {result.Set.Label} {result.WithSetWall.TotalSeconds:F2} s, "
                + $"added {added.TotalSeconds:F2} s ({Share(added, result.BaselineWall.TotalSeconds)}); "
                + $"CPU: {result.BaselineCpu.TotalSeconds:F2} s → {result.WithSetCpu.TotalSeconds:F2} s, added {addedCpu.TotalSeconds:F2} s ({Share(addedCpu, result.BaselineCpu.TotalSeconds)})");
            if (result.AddedPerRound.Count > 1)
            {
                Console.WriteLine($"Added time per round (every project's with-set pass minus its baseline pass of the same round): wall "
                    + string.Join(", ", result.AddedPerRound.Select(r => $"{r.Wall.TotalSeconds:F2} s"))
                    + "; CPU " + string.Join(", ", result.AddedPerRound.Select(r => $"{r.Cpu.TotalSeconds:F2} s")));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Findings of {result.Set.Label}: {result.Findings.Count}");
        var severities = new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Info, DiagnosticSeverity.Hidden };
        if (result.Findings.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("| rule | error | warning | info | hidden |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var rule in result.Findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"| {rule.Key} | {string.Join(" | ", severities.Select(s => rule.Count(f => f.Severity == s)))} |");
            }
        }

        if (result.BaselineFindings.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Baseline findings: " + string.Join(", ", result.BaselineFindings.OrderBy(p => p.Key.Id, StringComparer.Ordinal)
                .Select(p => $"{p.Key.Id} {p.Key.Severity} ×{p.Value}")));
        }

        Console.WriteLine();
        var failures = result.Failures.GroupBy(f => (f.Analyzer, f.Exception)).ToList();
        Console.WriteLine($"Analyzer exceptions: {result.Failures.Count}");
        foreach (var failure in failures)
        {
            Console.WriteLine($"- {failure.Key.Analyzer}: {failure.Key.Exception} ×{failure.Count()} (first: {failure.First().Context})");
        }
    }

    public static void PrintScore(string label, LabelScore score, string labelsFile)
    {
        Console.WriteLine();
        Console.WriteLine($"## {label} against the labels in {labelsFile}");
        Console.WriteLine();
        Console.WriteLine($"Recall: {score.Found} of {score.Positives} at any severity, {score.FoundAtWarning} of {score.Positives} at warning or above; "
            + $"correct look-alikes flagged: {score.LookAlikesFlagged} of {score.LookAlikes}");
        Console.WriteLine();
        foreach (var line in score.Lines)
        {
            Console.WriteLine("    " + line);
        }
    }

    private static string Percent(double share) => double.IsNaN(share) ? "–" : $"{100 * share:F2}%";

    private static string Share(TimeSpan part, double totalSeconds) =>
        totalSeconds > 0 ? $"{100 * part.TotalSeconds / totalSeconds:F1}%" : "–";
}
