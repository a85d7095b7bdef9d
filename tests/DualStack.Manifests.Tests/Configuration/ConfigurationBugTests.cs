using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Configuration;

/// <summary>
/// Regression tests for configuration bugs (issue 13): a <c>root = true</c> .editorconfig must not hide a .globalconfig
/// (the compiler reads every .globalconfig above a file; AnalyzerConfigSet applies <c>root</c>), and run-wide options
/// must not depend on the order of the inputs. Issue 11 item 4: a run with no inputs does not crash.
/// </summary>
public sealed class ConfigurationBugTests
{
    private const string Broken = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken: yes\n";

    private const string ServiceAndIPv4Workload = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ipFamilyPolicy: PreferDualStack
          selector:
            app: web
          ports:
          - port: 80
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                env:
                - name: ASPNETCORE_URLS
                  value: http://0.0.0.0:8080
        """;

    private static LintResult Lint(IReadOnlyList<SourceFile> files) =>
        ManifestLinter.Lint(files, ConfigurationResolver.Resolve(new ConfigurationRequest { InputPaths = files.Select(f => f.Path).ToList() }).Configuration);

    [Theory]
    [InlineData("")]
    [InlineData("app/")]
    public void A_root_editorconfig_does_not_hide_a_globalconfig_at_or_above_it(string globalFolder)
    {
        using var folder = new TempFolder();
        folder.Write(globalFolder + ".globalconfig", "is_global = true\ndotnet_diagnostic.DS0001.severity = none\n");
        folder.Write("app/.editorconfig", "root = true\n\n[*.yaml]\nindent_style = space\n");
        folder.Write("app/a.yaml", Broken);

        Assert.DoesNotContain(Lint([folder.Source("app/a.yaml")]).Findings, f => f.RuleId == "DS0001");
    }

    [Fact]
    public void Run_wide_checks_use_the_options_of_each_file_whatever_the_input_order()
    {
        using var folder = new TempFolder();
        folder.Write("ipv4/.editorconfig", "root = true\n[*.yaml]\ndualstack_lint.ip_families = IPv4\n");
        folder.Write("ipv4/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
        folder.Write("dual/.editorconfig", "root = true\n[*.yaml]\ndualstack_lint.ip_families = IPv4,IPv6\n");
        folder.Write("dual/web.yaml", ServiceAndIPv4Workload);

        var ipv4First = Lint([folder.Source("ipv4/config.yaml"), folder.Source("dual/web.yaml")]).Findings;
        var dualFirst = Lint([folder.Source("dual/web.yaml"), folder.Source("ipv4/config.yaml")]).Findings;

        Assert.Equal(dualFirst, ipv4First);
        Assert.Contains(ipv4First, f => f.RuleId == "DS2011" && f.File.EndsWith("web.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cluster_model_does_not_depend_on_the_input_order()
    {
        var kubeadmA = SourceFile.FromText("a/kubeadm.yaml", "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  serviceSubnet: 10.96.0.0/16,fd00:10:96::/112\n  podSubnet: 10.244.0.0/16,fd00:10:244::/56\n");
        var kubeadmB = SourceFile.FromText("b/kubeadm.yaml", "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  serviceSubnet: 10.97.0.0/16,fd00:10:97::/112\n  podSubnet: 10.245.0.0/16,fd00:10:245::/56\n");
        var service = SourceFile.FromText("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ipFamilyPolicy: PreferDualStack\n  clusterIP: 10.97.0.10\n  ports:\n  - port: 80\n");

        var abFirst = ManifestLinter.Lint([kubeadmA, kubeadmB, service], LintOptions.Default);
        var baFirst = ManifestLinter.Lint([service, kubeadmB, kubeadmA], LintOptions.Default);

        Assert.Equal(abFirst.Findings, baFirst.Findings);
        Assert.Equal(abFirst.ClusterModelSources, baFirst.ClusterModelSources);
    }

    [Fact]
    public void A_run_without_inputs_gives_an_empty_result()
    {
        var result = Lint([]);
        Assert.Empty(result.Findings);
        Assert.Equal(0, result.Files);
    }
}
