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

    [Fact]
    public void A_Service_selecting_several_IPv4_only_workloads_gets_one_finding_naming_them_in_order()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  labels: {app: web}\nspec:\n  containers:\n  - name: app\n    args: [--listen=0.0.0.0:8080]\n";
        var finding = Assert.Single(Lint(Service("PreferDualStack"), Workload + "---\n" + pod), f => f.RuleId == "DS2011");
        Assert.Equal(
            "this dual-stack Service selects the pods of 2 workloads whose containers listen on the IPv4 wildcard, so IPv6 connections to the Service are refused: " +
            "Deployment \"web\" (container \"app\", env ASPNETCORE_URLS \"http://0.0.0.0:8080\") and Pod \"solo\" (container \"app\", args[0] \"0.0.0.0:8080\"). " +
            "Make them listen on both families, e.g. Deployment \"web\" on \"http://*:8080\", which listens on IPv6 and IPv4 and falls back to IPv4 where IPv6 is disabled",
            finding.Message);
    }

    [Fact]
    public void Three_hundred_Services_on_one_selector_of_three_hundred_pods_give_one_finding_each_naming_three_and_the_count()
    {
        // The input of the report: 86 KB of YAML that gave 90,000 findings (one per pair) and 407 MB.
        var services = string.Concat(Enumerable.Range(0, 300).Select(i =>
            $"apiVersion: v1\nkind: Service\nmetadata:\n  name: s{i:D3}\nspec:\n  ipFamilyPolicy: PreferDualStack\n  selector: {{app: web}}\n  ports: [{{port: 80}}]\n---\n"));
        var pods = string.Concat(Enumerable.Range(0, 300).Select(i =>
            $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i:D3}\n  labels: {{app: web, n: \"{i}\"}}\nspec:\n  containers:\n  - name: app\n    args: [--listen=0.0.0.0:8080]\n---\n"));

        var findings = Lint(services, pods).Where(f => f.RuleId == "DS2011").ToList();

        Assert.Equal(300, findings.Count);
        Assert.Equal(300, findings.Select(f => f.Object).Distinct().Count());
        Assert.All(findings, f => Assert.StartsWith(
            "this dual-stack Service selects the pods of 300 workloads whose containers listen on the IPv4 wildcard, so IPv6 connections to the Service are refused: " +
            "Pod \"p000\" (container \"app\", args[0] \"0.0.0.0:8080\"), Pod \"p001\" (container \"app\", args[0] \"0.0.0.0:8080\"), " +
            "Pod \"p002\" (container \"app\", args[0] \"0.0.0.0:8080\") and 297 more. Make them listen on both families, e.g. Pod \"p000\" on ",
            f.Message));
    }

    [Fact]
    public void Only_the_matching_workloads_are_counted_when_selectors_differ()
    {
        var pods = string.Concat(Enumerable.Range(0, 10).Select(i =>
            $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\n  labels: {{app: web, shard: \"{i % 2}\"}}\nspec:\n  containers:\n  - name: app\n    args: [--listen=0.0.0.0:8080]\n---\n"));

        var findings = Lint(Service("PreferDualStack", "{app: web, shard: \"1\"}"), pods).Where(f => f.RuleId == "DS2011").ToList();

        var finding = Assert.Single(findings);
        Assert.Contains("selects the pods of 5 workloads", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Pod \"p1\" (container \"app\", args[0] \"0.0.0.0:8080\"), Pod \"p3\" (", finding.Message, StringComparison.Ordinal);
        Assert.Contains(" and 2 more.", finding.Message, StringComparison.Ordinal);
    }
}
