using DualStack.Rules.Net;

namespace DualStack.Rules.Tests;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("IPv4", "IPv4")]
    [InlineData("ipv6", "IPv6")]
    [InlineData("IPv4,IPv6", "IPv4,IPv6")]
    [InlineData(" IPv6 , IPv4 ", "IPv6,IPv4")]
    [InlineData("6,4", "IPv6,IPv4")]
    public void Ip_families_parse_primary_first(string text, string expected)
    {
        Assert.True(IpFamilies.TryParse(text, out var families, out var error), error);
        Assert.Equal(expected, families.ToString());
    }

    [Theory]
    [InlineData("", "is not a list of IP families")]
    [InlineData("IPv4,IPv4", "names IPv4 twice")]
    [InlineData("IPv5", "\"IPv5\" is not an IP family")]
    [InlineData("IPv4,IPv6,IPv4", "is not a list of IP families")]
    public void Bad_ip_families_give_a_message(string text, string expected)
    {
        Assert.False(IpFamilies.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dual_stack_knows_its_primary()
    {
        Assert.Equal(IpFamily.IPv6, IpFamilies.DualStackIPv6Primary.Primary);
        Assert.True(IpFamilies.Default.IsDualStack);
        Assert.False(IpFamilies.IPv4Only.IsDualStack);
        Assert.False(IpFamilies.IPv4Only.Contains(IpFamily.IPv6));
    }

    [Theory]
    [InlineData("1.36", 1, 36)]
    [InlineData("v1.33", 1, 33)]
    [InlineData("1.30.4", 1, 30)]
    public void Kubernetes_versions_parse(string text, int major, int minor)
    {
        Assert.True(KubernetesVersion.TryParse(text, out var version));
        Assert.Equal(new KubernetesVersion(major, minor), version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.x")]
    [InlineData("-1.3")]
    public void Bad_kubernetes_versions_are_rejected(string text) =>
        Assert.False(KubernetesVersion.TryParse(text, out _));

    [Theory]
    [InlineData("1.20")]
    [InlineData("1.36")]
    [InlineData("v1.30.2")]
    public void Supported_kubernetes_versions_are_accepted(string text)
    {
        Assert.True(KubernetesVersion.TryParseSupported(text, out _, out var error), error);
    }

    [Theory]
    [InlineData("latest", "\"latest\" is not a Kubernetes version such as 1.36")]
    [InlineData("1.19", "1.19 is older than the oldest supported version 1.20")]
    [InlineData("1.99", "1.99 is newer than the newest known version 1.36; use 1.36 until dslint knows 1.99")]
    [InlineData("2.0", "2.0 is newer than the newest known version 1.36; use 1.36 until dslint knows 2.0")]
    public void Unsupported_kubernetes_versions_are_rejected_with_one_message(string text, string expected)
    {
        Assert.False(KubernetesVersion.TryParseSupported(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("none", Severity.None)]
    [InlineData("silent", Severity.Hidden)]
    [InlineData("suggestion", Severity.Info)]
    [InlineData("Warning", Severity.Warning)]
    [InlineData("ERROR", Severity.Error)]
    public void Editorconfig_severity_words_parse(string text, Severity expected)
    {
        Assert.True(SeverityNames.TryParse(text, out var severity));
        Assert.Equal(expected, severity);
    }
}
