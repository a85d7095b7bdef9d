using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.Services;

/// <summary>DS2011: a dual-stack Service selecting pods that listen on IPv4 only.</summary>
public sealed class DS2011DualStackServiceSelectsIPv4PodsTests
{
    private const string Workload = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            metadata:
              labels: {app: web, tier: front}
            spec:
              containers:
              - name: app
                env: [{name: ASPNETCORE_URLS, value: "http://0.0.0.0:8080"}]

        """;

    private static string Service(string policy, string selector = "{app: web}", string ns = "") => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: web{ns}
        spec:
          ipFamilyPolicy: {policy}
          selector: {selector}
          ports: [{"{"}port: 80{"}"}]

        """;

    private static IReadOnlyList<Finding> Lint(string service, string workload = Workload, LintOptions? options = null) =>
        ManifestTestHelper.Lint(
            [SourceFile.FromText("svc.yaml", service), SourceFile.FromText("deploy.yaml", workload)],
            options);

    [Fact]
    public void Dual_stack_Service_selecting_an_IPv4_only_workload_is_reported_at_its_selector()
    {
        var finding = Assert.Single(Lint(Service("PreferDualStack")), f => f.RuleId == "DS2011");
        Assert.Equal(("svc.yaml", 7, 13, "spec.selector"), (finding.File, finding.Line, finding.Column, finding.Field));
        Assert.Equal(
            "this dual-stack Service selects the pods of Deployment \"web\", whose container \"app\" listens on the IPv4 wildcard " +
            "(env ASPNETCORE_URLS \"http://0.0.0.0:8080\"), so IPv6 connections to the Service are refused. Make it listen on \"http://*:8080\", " +
            "which listens on IPv6 and IPv4 and falls back to IPv4 where IPv6 is disabled",
            finding.Message);
    }

    [Fact]
    public void Single_stack_Services_and_single_stack_targets_are_clean()
    {
        Assert.DoesNotContain(Lint(Service("SingleStack")), f => f.RuleId == "DS2011");
        Assert.DoesNotContain(Lint(Service("PreferDualStack"), options: new LintOptions { IpFamilies = IpFamilies.IPv4Only }), f => f.RuleId == "DS2011");
    }

    [Fact]
    public void A_selector_that_does_not_match_all_labels_or_another_namespace_is_clean()
    {
        Assert.DoesNotContain(Lint(Service("PreferDualStack", "{app: web, tier: back}")), f => f.RuleId == "DS2011");
        Assert.DoesNotContain(Lint(Service("PreferDualStack", ns: "\n  namespace: prod")), f => f.RuleId == "DS2011");
        Assert.Single(Lint(Service("PreferDualStack", ns: "\n  namespace: default")), f => f.RuleId == "DS2011");
    }

    [Fact]
    public void Workloads_that_listen_on_both_families_are_clean()
    {
        foreach (var host in new[] { "[::]", "*", "+" })
        {
            var fixedWorkload = Workload.Replace("http://0.0.0.0:8080", $"http://{host}:8080");
            Assert.DoesNotContain(Lint(Service("RequireDualStack"), fixedWorkload), f => f.RuleId == "DS2011");
        }
    }

    [Fact]
    public void A_bare_Pod_is_matched_by_its_own_labels_and_an_IPv6_only_target_names_an_IPv6_Service()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  labels: {app: web}\nspec:\n  containers:\n  - name: app\n    args: [--listen=0.0.0.0:8080]\n";
        var finding = Assert.Single(
            Lint(Service("SingleStack"), pod, new LintOptions { IpFamilies = IpFamilies.IPv6Only }),
            f => f.RuleId == "DS2011");
        Assert.StartsWith("this IPv6 Service selects the pods of Pod \"solo\", whose container \"app\"", finding.Message);
    }

    [Fact]
    public void Workloads_without_pod_labels_and_Services_without_a_selector_are_clean()
    {
        var unlabelled = Workload.Replace("      labels: {app: web, tier: front}\n", string.Empty);
        Assert.DoesNotContain(Lint(Service("PreferDualStack"), unlabelled), f => f.RuleId == "DS2011");
        Assert.DoesNotContain(Lint(Service("PreferDualStack", "{}")), f => f.RuleId == "DS2011");
    }
}
