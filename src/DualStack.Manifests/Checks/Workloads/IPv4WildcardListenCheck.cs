using DualStack.Manifests.Kubernetes;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.Workloads;

/// <summary>
/// DS2030: a container of any workload kind is told to listen on <c>0.0.0.0</c>, which accepts IPv4 connections only.
/// Silent on an IPv4-only target, where that is all there is.
/// </summary>
public sealed class IPv4WildcardListenCheck : IObjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.WorkloadListensOnIPv4Wildcard];

    public void Check(KubeObject obj, CheckContext context)
    {
        var target = context.Options.IpFamilies;
        if (!target.Contains(IpFamily.IPv6))
        {
            return;
        }

        foreach (var listen in IPv4WildcardListenDetector.Find(obj))
        {
            context.Report(RuleIds[0], obj, listen.Node, listen.Field,
                $"container \"{listen.Container}\" listens on the IPv4 wildcard: {listen.Source} \"{listen.Token}\" accepts IPv4 " +
                $"connections only, so IPv6 traffic and IPv6 probes on the {(target.IsDualStack ? "dual-stack" : "IPv6-only")} target fail; " +
                $"use \"{listen.Replacement}\", which listens on both families");
        }
    }
}
