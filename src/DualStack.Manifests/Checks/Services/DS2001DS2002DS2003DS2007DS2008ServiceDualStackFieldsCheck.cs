using DualStack.Manifests.Kubernetes;

namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// DS2001, DS2002, DS2003, DS2007, DS2008: what the API server's validation rejects in a Service's
/// <c>ipFamilyPolicy</c>, <c>ipFamilies</c>, <c>clusterIP</c> / <c>clusterIPs</c> and type (spec §2, S1–S13).
/// </summary>
public sealed class DS2001DS2002DS2003DS2007DS2008ServiceDualStackFieldsCheck : IObjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } =
    [
        Rules.RuleIds.InvalidIpFamilyPolicy, Rules.RuleIds.InvalidIpFamilies, Rules.RuleIds.InconsistentClusterIPs,
        Rules.RuleIds.ExternalNameWithIpFields, Rules.RuleIds.HeadlessWithNodePortOrLoadBalancer,
    ];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (ServiceSpec.From(obj, context) is not { } service)
        {
            return;
        }

        foreach (var problem in ServiceFieldValidation.Validate(service))
        {
            problem.ReportOn(service, context);
        }
    }
}
