using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.Services;

/// <summary>Service YAML for tests: a fixed 7-line head (selector and ports on lines 6 and 7), the rest from line 8.</summary>
internal static class ServiceYaml
{
    public static readonly LintOptions Dual = LintOptions.Default;

    public static readonly LintOptions IPv4Only = new() { IpFamilies = IpFamilies.IPv4Only };

    public static readonly LintOptions IPv6Only = new() { IpFamilies = IpFamilies.IPv6Only };

    /// <summary>A Service whose spec continues with <paramref name="rest"/> (lines indented by two spaces) from line 8.</summary>
    public static string With(string rest) =>
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n" + rest;

    public static IReadOnlyList<string> Lint(string yaml, string ruleId, LintOptions? options = null) =>
        ManifestTestHelper.Lint(yaml, options ?? Dual).Describe(ruleId);

    /// <summary>The findings of every Service rule except DS2005 (which fires on most of these single-stack examples).</summary>
    public static IReadOnlyList<string> LintAllButDs2005(string yaml, LintOptions? options = null) =>
        ManifestTestHelper.Lint(yaml, options ?? Dual).Where(f => f.RuleId != "DS2005").Describe();
}
