using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Corpus;

/// <summary>
/// Lints every manifest of <c>shared/corpus/manifests/</c> (real files from public repositories) with the default
/// options. Every finding (file, line, column, severity, rule, message, object and field) is checked in
/// (<c>Corpus/manifests-expected.txt</c>, as <c>cluster-config-expected.txt</c> does for cluster configuration), so a
/// moved, added or changed finding shows in review: after a deliberate change run the tests with
/// <c>DSLINT_UPDATE_GOLDEN=1</c> and review the diff.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    // Folders whose files are not YAML as they stand: Helm chart templates (DS0003 expected).
    private const string TemplatesFolder = "helm-templates/";

    private static readonly Lazy<(IReadOnlyList<SourceFile> Files, LintResult Result)> Run = new(() =>
    {
        var root = RepositoryPaths.InShared("corpus", "manifests");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => Extensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
            .Select(p => SourceFileReader.Default.Read(p, Path.GetRelativePath(root, p).Replace('\\', '/')))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return (files, ManifestLinter.Lint(files, LintOptions.Default));
    });

    [SharedFact]
    public void Every_finding_matches_the_checked_in_expectation()
    {
        var (files, result) = Run.Value;
        var findings = string.Concat(result.Findings.Select(f => ClusterConfigCorpusTests.Format(f) + "\n"));
        var perRule = string.Join(", ", result.Findings
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}"));
        var header =
            "# Every finding when linting shared/corpus/manifests/ with default options.\n" +
            $"# {files.Count} files, {result.Documents} documents; per rule: {perRule}.\n" +
            "# Regenerate on purpose: DSLINT_UPDATE_GOLDEN=1 dotnet test --filter Corpus\n";
        GoldenFile.Verify(Path.Combine(GoldenFile.ProjectDirectory, "Corpus", "manifests-expected.txt"), findings, header);
    }

    [SharedFact]
    public void Valid_yaml_gives_no_loading_errors_and_templates_are_skipped()
    {
        var (files, result) = Run.Value;
        var loadErrors = result.Findings
            .Where(f => f.RuleId is RuleIds.YamlSyntaxError or RuleIds.UnreadableInput)
            .Select(f => $"{f.File}:{f.Line}:{f.Column}: {f.RuleId} {f.Message}");
        Assert.Empty(loadErrors);

        var templates = files.Where(f => f.Path.StartsWith(TemplatesFolder, StringComparison.Ordinal)).Select(f => f.Path).ToList();
        Assert.NotEmpty(templates);
        var skipped = result.Findings.Where(f => f.RuleId == RuleIds.TemplateSkipped).Select(f => f.File).ToList();
        Assert.Equal(templates, skipped);
    }
}
