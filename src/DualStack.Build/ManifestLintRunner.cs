using DualStack.Manifests;
using DualStack.Manifests.Baseline;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Rendering;
using DualStack.Rules;

namespace DualStack.Build;

/// <summary>
/// The task's logic without MSBuild: reads the manifests, resolves configuration with the engine's one configuration
/// step (<see cref="ConfigurationResolver"/>: .editorconfig/.globalconfig by path, then the MSBuild properties), runs
/// the engine, and returns the findings. Configuration problems go to <paramref name="reportProblem"/>: errors (a bad
/// property or an unreadable configuration file, and then nothing is linted) and warnings naming file and line.
/// With a baseline (<see cref="ManifestLintRequest.Baseline"/>) only the findings it does not accept are returned, and
/// <c>reportNote</c> hears how many it suppressed; a missing or broken baseline is an error and nothing is linted.
/// </summary>
public static class ManifestLintRunner
{
    public const string IpFamiliesProperty = "DualStackLintIpFamilies";

    public const string KubernetesVersionProperty = "DualStackLintKubernetesVersion";

    public const string BaselineProperty = "DualStackLintBaseline";

    public static IReadOnlyList<Finding> Run(ManifestLintRequest request, Action<ConfigurationProblem> reportProblem, Action<string>? reportNote = null)
    {
        var paths = request.Manifests
            .Select(m => Path.GetFullPath(Path.Combine(request.ProjectDirectory, m)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

        var resolved = ConfigurationResolver.Resolve(new ConfigurationRequest
        {
            InputPaths = paths,
            ExtraConfigFiles = request.ExtraConfigFiles.Where(File.Exists).ToList(),
            IpFamilies = Given(request.IpFamilies, IpFamiliesProperty),
            KubernetesVersion = Given(request.KubernetesVersion, KubernetesVersionProperty),
        });
        foreach (var problem in resolved.Problems)
        {
            reportProblem(problem);
        }

        var baseline = LoadBaseline(request, reportProblem);
        if (resolved.HasErrors || baseline.Failed)
        {
            return [];
        }

        // dualstack_lint.exclude = true leaves a file out unread, as in dslint lint. The size limit is per file, like
        // every key: dualstack_lint.max_file_size by the manifest's path.
        var included = paths.Where(p => !resolved.IsExcluded(p)).ToList();
        var files = included.Select(p => new RenderingInput(SourceFileReader.For(resolved.Configuration.OptionsFor(p)).Read(p), p)).ToList();

        // Through the same run as dslint lint, so kustomizations among the manifests are built (patches are partial
        // objects) and rendered output is traced; only the project and the manifests' folders may be read.
        var tree = new LintedTree(request.ProjectDirectory, included.Select(Path.GetDirectoryName).OfType<string>());
        var findings = RenderedLint.Lint(files, resolved.Configuration, new RenderingOptions(tree)).Findings;
        if (baseline.Value is null)
        {
            return findings;
        }

        // Matched as dslint lint matches them: the findings it would show, by rule, file, object and field.
        var match = baseline.Value.Match(findings.Where(f => f.Severity >= Severity.Info).ToList(), Path.GetFullPath);
        reportNote?.Invoke(BaselineNote(request.Baseline!, match));
        return match.New;
    }

    private static (FindingBaseline? Value, bool Failed) LoadBaseline(ManifestLintRequest request, Action<ConfigurationProblem> reportProblem)
    {
        if (string.IsNullOrWhiteSpace(request.Baseline))
        {
            return (null, false);
        }

        var path = Path.GetFullPath(Path.Combine(request.ProjectDirectory, request.Baseline!.Trim()));
        try
        {
            return (FindingBaseline.Load(path, request.Baseline.Trim()), false);
        }
        catch (BaselineException ex)
        {
            var hint = File.Exists(path) ? string.Empty : "; create it with 'dslint lint --write-baseline FILE' or clear the property";
            reportProblem(new ConfigurationProblem($"{BaselineProperty}: {ex.Message}{hint}", IsError: true, path));
            return (null, true);
        }
    }

    private static string BaselineNote(string baseline, BaselineMatch match) =>
        $"{match.Suppressed.Count} manifest finding{(match.Suppressed.Count == 1 ? "" : "s")} accepted by the baseline {baseline} not reported"
        + (match.StaleEntries == 0 ? string.Empty : $"; {match.StaleEntries} baselined finding{(match.StaleEntries == 1 ? " no longer occurs" : "s no longer occur")} (rewrite the baseline with 'dslint lint --write-baseline {baseline}')");

    // An empty MSBuild property means "not set".
    private static SettingOverride? Given(string? value, string property) =>
        string.IsNullOrWhiteSpace(value) ? null : new SettingOverride(value!, property);
}
