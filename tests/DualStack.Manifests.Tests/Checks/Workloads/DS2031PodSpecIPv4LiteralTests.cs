using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.Workloads;

/// <summary>DS2031: IPv4 literals in probe and hook hosts, and hostAliases IPs.</summary>
public sealed class DS2031PodSpecIPv4LiteralTests
{
    private static string Pod(string body) => "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + body;

    [Fact]
    public void Probe_hosts_with_an_IPv4_literal_are_reported_at_the_host()
    {
        var yaml = Pod(
            "  containers:\n" +
            "  - name: app\n" +
            "    livenessProbe:\n" +
            "      httpGet: {host: 10.0.0.5, port: 80}\n" +
            "    readinessProbe:\n" +
            "      tcpSocket: {host: \"2001:db8::5\", port: 80}\n" +
            "    startupProbe:\n" +
            "      tcpSocket:\n" +
            "        host: 172.17.0.1\n" +
            "        port: 80\n" +
            "    lifecycle:\n" +
            "      preStop:\n" +
            "        httpGet: {host: 192.0.2.1, path: /drain, port: 80}\n");
        var findings = ManifestTestHelper.Lint(yaml);
        Assert.Equal(
            [
                "DS2031 8:23 spec.containers[0].livenessProbe.httpGet.host",
                "DS2031 13:15 spec.containers[0].startupProbe.tcpSocket.host",
                "DS2031 17:25 spec.containers[0].lifecycle.preStop.httpGet.host",
            ],
            findings.Describe());
        Assert.StartsWith("httpGet.host is the IPv4 literal \"10.0.0.5\"", findings[0].Message);
        Assert.Equal(Severity.Warning, findings[0].Severity);
    }

    [Fact]
    public void Probe_hosts_are_clean_on_an_IPv4_only_target_and_when_a_name_is_used()
    {
        var yaml = Pod("  containers:\n  - name: app\n    livenessProbe:\n      httpGet: {host: 10.0.0.5, port: 80}\n");
        Assert.Empty(ManifestTestHelper.Lint(yaml, new LintOptions { IpFamilies = IpFamilies.IPv4Only }));
        Assert.Empty(ManifestTestHelper.Lint(yaml.Replace("10.0.0.5", "health.example.com")));

        // Loopback works on every cluster (metallb, konnectivity probe 127.0.0.1 with hostNetwork).
        Assert.Empty(ManifestTestHelper.Lint(yaml.Replace("10.0.0.5", "127.0.0.1")));
    }

    [Fact]
    public void IPv4_host_alias_without_an_IPv6_entry_for_its_names_is_a_warning()
    {
        var yaml = Pod(
            "  hostAliases:\n" +
            "  - ip: 10.0.0.5\n" +
            "    hostnames: [db.local]\n" +
            "  - ip: 10.0.0.6\n" +
            "    hostnames: [cache.local]\n" +
            "  - ip: fd00::6\n" +
            "    hostnames: [cache.local]\n" +
            "  - ip: 127.0.0.1\n" +
            "    hostnames: [self.local]\n" +
            "  containers: [{name: app}]\n");
        var findings = ManifestTestHelper.Lint(yaml);
        Assert.Equal(["DS2031 6:9 spec.hostAliases[0].ip"], findings.Describe());
        Assert.StartsWith("host alias \"db.local\" resolves to the IPv4 literal \"10.0.0.5\" only", findings[0].Message);
        Assert.Empty(ManifestTestHelper.Lint(yaml, new LintOptions { IpFamilies = IpFamilies.IPv4Only }));
    }

    [Fact]
    public void Invalid_host_alias_IP_is_an_error_on_every_target()
    {
        var yaml = Pod("  hostAliases:\n  - ip: 10.0.0.256\n    hostnames: [db.local]\n  - hostnames: [x.local]\n  containers: [{name: app}]\n");
        var findings = ManifestTestHelper.Lint(yaml, new LintOptions { IpFamilies = IpFamilies.IPv4Only });
        Assert.Equal(["DS2031 6:9 spec.hostAliases[0].ip", "DS2031 8:5 spec.hostAliases[1].ip"], findings.Describe());
        Assert.Equal("Invalid value: \"10.0.0.256\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", findings[0].Message);
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Fact]
    public void Host_aliases_in_a_Deployment_use_the_template_path()
    {
        var yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      hostAliases: [{ip: 10.0.0.5, hostnames: [db]}]\n      containers: [{name: app}]\n";
        Assert.Equal(["DS2031 7:26 spec.template.spec.hostAliases[0].ip"], ManifestTestHelper.Lint(yaml).Describe());
    }
}
