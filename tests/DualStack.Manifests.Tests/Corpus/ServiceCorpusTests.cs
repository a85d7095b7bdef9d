using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Corpus;

/// <summary>
/// The Service and workload rules on the shared corpus of published manifests: no API-server rule fires on manifests
/// that are applied every day, and the beyond-the-API-server findings are the ones judged right.
/// </summary>
public sealed class ServiceCorpusTests
{
    private static readonly string[] ApiServerRules = ["DS2001", "DS2003", "DS2004", "DS2006", "DS2007", "DS2008", "DS2009", "DS2010"];

    private static readonly Lazy<IReadOnlyList<Finding>> Findings = new(LintCorpus);

    [SharedFact]
    public void Published_manifests_pass_the_API_server_rules()
    {
        // DS2010's warning (IPv4-only source ranges) would also be listed here; the corpus has none.
        Assert.Empty(Findings.Value.Where(f => ApiServerRules.Contains(f.RuleId)).Select(f => $"{f.File}:{f.Line} {f.RuleId}"));
    }

    [SharedFact]
    public void The_removed_ipFamily_field_of_old_docs_is_DS2002()
    {
        Assert.Equal(
            ["kubernetes-website/service/networking/dual-stack-ipv6-lb-svc.yaml:8:3", "kubernetes-website/service/networking/dual-stack-ipv6-svc.yaml:6:3"],
            Of("DS2002"));
    }

    [SharedFact]
    public void Dual_stack_examples_are_silent_and_the_default_one_is_DS2005()
    {
        var ds2005 = Of("DS2005");
        Assert.Contains("kubernetes-website/service/networking/dual-stack-default-svc.yaml:11:3", ds2005);
        Assert.Contains("kubernetes-website/service/networking/dual-stack-ipfamilies-ipv6.yaml:11:3", ds2005);
        Assert.DoesNotContain(ds2005, f => f.Contains("dual-stack-prefer", StringComparison.Ordinal));
    }

    [SharedFact]
    public void IPv4_wildcard_listeners_are_DS2030()
    {
        Assert.Equal(
            [
                "kubernetes-examples/AI/vllm-deployment/vllm-deployment.yaml:37:11",
                "kubernetes-examples/_archived/cockroachdb/cockroachdb-statefulset.yaml:141:13",
                "kubernetes-website/application/mongodb/mongo-deployment.yaml:33:13",
                "kubernetes-website/pods/probe/grpc-liveness.yaml:17:9",
            ],
            Of("DS2030"));
    }

    [SharedFact]
    public void Only_the_non_loopback_host_alias_is_DS2031()
    {
        Assert.Equal(["kubernetes-website/service/networking/hostaliases-pod.yaml:17:11"], Of("DS2031"));
    }

    private static List<string> Of(string id) =>
        Findings.Value.Where(f => f.RuleId == id).Select(f => $"{f.File}:{f.Line}:{f.Column}").OrderBy(s => s, StringComparer.Ordinal).ToList();

    private static IReadOnlyList<Finding> LintCorpus()
    {
        var root = RepositoryPaths.InShared("corpus", "manifests");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => SourceFile.FromText(Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
        return ManifestLinter.Lint(files, LintOptions.Default).Findings;
    }
}
