using DualStack.Manifests;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests;

/// <summary>Lints YAML text as one file and gives the findings, for tests that assert id, line, column and field.</summary>
public static class ManifestTestHelper
{
    public static IReadOnlyList<Finding> Lint(string yaml, LintOptions? options = null, string path = "test.yaml") =>
        ManifestLinter.Lint([SourceFile.FromText(path, yaml)], options ?? LintOptions.Default).Findings;

    public static IReadOnlyList<Finding> Lint(IReadOnlyList<SourceFile> files, LintOptions? options = null) =>
        ManifestLinter.Lint(files, options ?? LintOptions.Default).Findings;

    /// <summary>The findings of one rule, as <c>ID line:column field</c> strings, for compact assertions.</summary>
    public static IReadOnlyList<string> Describe(this IEnumerable<Finding> findings, string? ruleId = null) =>
        findings.Where(f => ruleId is null || f.RuleId == ruleId)
            .Select(f => $"{f.RuleId} {f.Line}:{f.Column} {f.Field}".TrimEnd())
            .ToList();
}
