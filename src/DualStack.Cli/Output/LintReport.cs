using DualStack.Rules;

namespace DualStack.Cli.Output;

/// <summary>What every output format prints: the findings shown (error, warning, info), the counts and the exit code.</summary>
internal sealed class LintReport
{
    public required IReadOnlyList<Finding> Findings { get; init; }

    public required int Files { get; init; }

    public required int Documents { get; init; }

    public required int ExitCode { get; init; }

    public required ArtifactLocator Locator { get; init; }

    /// <summary>The files that defined the cluster model (families, ranges), with what each defined.</summary>
    public IReadOnlyList<string> ClusterModelSources { get; init; } = [];

    /// <summary>With <c>--baseline</c> or <c>--write-baseline</c>: what the baseline suppressed; null without one.</summary>
    public BaselineSummary? Baseline { get; init; }

    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);

    public int Infos => Findings.Count(f => f.Severity == Severity.Info);
}

/// <summary>The baseline of a run as the formats show it.</summary>
/// <param name="File">The baseline file as the user named it.</param>
/// <param name="Suppressed">The findings the baseline accepted (not in <see cref="LintReport.Findings"/>).</param>
/// <param name="StaleEntries">Accepted findings that no longer occur.</param>
internal sealed record BaselineSummary(string File, IReadOnlyList<Finding> Suppressed, int StaleEntries);
