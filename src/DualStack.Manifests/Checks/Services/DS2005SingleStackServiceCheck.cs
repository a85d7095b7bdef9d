using DualStack.Manifests.Kubernetes;

namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// DS2005 (beyond the API server): on a dual-stack target a Service whose policy is omitted or SingleStack gets one
/// cluster IP of one family, so clients of the other family cannot reach it. Headless Services without a selector
/// are exempt (their policy defaults to RequireDualStack), as are ExternalName Services and Services the API server
/// would reject anyway (DS2001–DS2004, DS2006–DS2008 say what to fix first).
/// </summary>
public sealed class DS2005SingleStackServiceCheck : IObjectCheck
{
    private const string PolicyPath = "spec.ipFamilyPolicy";

    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.SingleStackServiceOnDualStackCluster];

    public void Check(KubeObject obj, CheckContext context)
    {
        var cluster = context.Options.IpFamilies;
        if (!cluster.IsDualStack ||
            ServiceSpec.From(obj, context) is not { } service ||
            ServiceFieldValidation.Validate(service).Count > 0 ||
            ServiceAllocation.Evaluate(service, cluster, context.Cluster) is not { Accepted: true, Policy: "SingleStack" } result)
        {
            return;
        }

        var family = result.Families[0];
        var other = family == Rules.Net.IpFamily.IPv4 ? "IPv6" : "IPv4";
        var reach = $"the Service gets an {family} cluster IP only, so {other} clients cannot reach it on the dual-stack target ({cluster})";
        if (result.PolicyDefaulted)
        {
            // A key written without a value is defaulted like an omitted one; the finding points at the key then.
            var at = service.PolicyKeyNode ?? Yaml.YamlNodeExtensions.GetKey(obj.Root, "spec")!;
            var state = service.PolicyKeyNode is null ? "omitted" : "empty";
            context.Report(RuleIds[0], obj, at, PolicyPath,
                $"ipFamilyPolicy is {state}, so it defaults to SingleStack: {reach}; set `ipFamilyPolicy: PreferDualStack`",
                fix: ServiceFixes.SetPolicy(service, "PreferDualStack"));
            return;
        }

        context.Report(RuleIds[0], obj, service.PolicyNode!, PolicyPath,
            $"ipFamilyPolicy is \"SingleStack\": {reach}; use \"PreferDualStack\"",
            fix: ServiceFixes.ReplaceScalar(obj, service.PolicyNode!, "PreferDualStack"));
    }
}
