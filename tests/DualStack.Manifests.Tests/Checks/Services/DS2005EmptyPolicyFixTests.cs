using DualStack.Manifests.Engine;
using static DualStack.Manifests.Tests.Checks.Services.ServiceYaml;

namespace DualStack.Manifests.Tests.Checks.Services;

/// <summary>
/// DS2005 and DS2004 when <c>ipFamilyPolicy</c> is written but holds no policy (empty, null, <c>~</c>, <c>{}</c>,
/// <c>[]</c>): the API server defaults it like an omitted field, but the key is there, so the fix must replace its value
/// rather than insert a second key (which the next lint reports as a duplicate key, DS0001).
/// </summary>
public sealed class DS2005EmptyPolicyFixTests
{
    [Theory]
    [InlineData("  ipFamilyPolicy:\n")]
    [InlineData("  ipFamilyPolicy:   \n")]
    [InlineData("  ipFamilyPolicy: null\n")]
    [InlineData("  ipFamilyPolicy: ~\n")]
    [InlineData("  ipFamilyPolicy: {}\n")]
    [InlineData("  ipFamilyPolicy: []\n")]
    [InlineData("  ipFamilyPolicy: ~  # later\n")]
    [InlineData("  ipFamilyPolicy:")]
    public void DS2005_fix_replaces_the_empty_value_and_the_result_parses_clean(string rest)
    {
        var yaml = With(rest);
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml), f => f.RuleId == "DS2005");
        Assert.NotNull(finding.Fix);

        var fixedText = FixApplier.Apply(yaml, [finding.Fix!]);
        Assert.Equal(1, CountOccurrences(fixedText, "ipFamilyPolicy"));
        Assert.Contains("  ipFamilyPolicy: PreferDualStack", fixedText);
        Assert.Empty(ManifestTestHelper.Lint(fixedText));
    }

    [Theory]
    [InlineData("  ipFamilies: [IPv4, IPv6]\n  ipFamilyPolicy:\n")]
    [InlineData("  ipFamilyPolicy: null\n  ipFamilies: [IPv4, IPv6]\n")]
    [InlineData("  ipFamilyPolicy: {}\n  ipFamilies: [IPv4, IPv6]\n")]
    public void DS2004_fix_replaces_the_empty_value_too(string rest)
    {
        var yaml = With(rest);
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml), f => f.RuleId == "DS2004");
        Assert.NotNull(finding.Fix);

        var fixedText = FixApplier.Apply(yaml, [finding.Fix!]);
        Assert.Equal(1, CountOccurrences(fixedText, "ipFamilyPolicy"));
        Assert.Empty(ManifestTestHelper.Lint(fixedText));
    }

    [Fact]
    public void Empty_policy_is_reported_at_its_key_with_a_message_that_says_it_is_empty()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(With("  ipFamilyPolicy: ~\n")));
        Assert.Equal("DS2005 8:3 spec.ipFamilyPolicy", Assert.Single(new[] { finding }.Describe()));
        Assert.StartsWith("ipFamilyPolicy is empty, so it defaults to SingleStack", finding.Message);
    }

    [Theory]
    [InlineData("  ipFamilyPolicy:\n  - SingleStack\n")]
    [InlineData("  ipFamilyPolicy:\n    a: b\n")]
    [InlineData("  ipFamilyPolicy: &p ~\n")]
    public void Values_a_one_line_replacement_cannot_fix_safely_get_no_fix(string rest)
    {
        var findings = ManifestTestHelper.Lint(With(rest)).Where(f => f.RuleId == "DS2005").ToList();
        Assert.All(findings, f => Assert.Null(f.Fix));
    }

    [Fact]
    public void CR_only_line_ends_get_the_insertion_fix_with_a_CR()
    {
        // Old Mac line ends are line breaks to YAML; the fix used to find no line start and silently offered nothing.
        var yaml = With("  type: ClusterIP\n").Replace('\n', '\r');
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml));
        Assert.Equal("DS2005 5:1 spec.ipFamilyPolicy", Assert.Single(new[] { finding }.Describe()));
        Assert.NotNull(finding.Fix);

        var fixedText = FixApplier.Apply(yaml, [finding.Fix!]);
        Assert.Equal(yaml.Replace("spec:\r", "spec:\r  ipFamilyPolicy: PreferDualStack\r"), fixedText);
        Assert.Empty(ManifestTestHelper.Lint(fixedText));
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
