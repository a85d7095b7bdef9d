using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.ClusterConfig;

/// <summary>Lints configuration text and describes findings as <c>ID line:col field</c> for compact assertions.</summary>
internal static class ConfigLint
{
    public static IReadOnlyList<Finding> Lint(string yaml, string path = "config.yaml", string? version = null) =>
        ManifestTestHelper.Lint(yaml, Options(version), path);

    public static IReadOnlyList<string> Describe(string yaml, string ruleId, string path = "config.yaml", string? version = null) =>
        Lint(yaml, path, version).Describe(ruleId);

    public static LintResult LintFiles(string? version, params (string Path, string Text)[] files) =>
        ManifestLinter.Lint(files.Select(f => SourceFile.FromText(f.Path, f.Text)).ToList(), Options(version));

    public static LintOptions Options(string? version) =>
        version is null ? LintOptions.Default : LintOptions.Default with { KubernetesVersion = KubernetesVersion.TryParse(version, out var v) ? v : throw new ArgumentException(version) };
}
