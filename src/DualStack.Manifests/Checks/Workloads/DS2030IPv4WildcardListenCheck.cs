using DualStack.Manifests.Checks.IpValues;
using DualStack.Manifests.Kubernetes;
using DualStack.Rules.Listening;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.Workloads;

/// <summary>
/// DS2030: a container of any workload kind is told to listen on <c>0.0.0.0</c>, which accepts IPv4 connections only.
/// The replacement comes from the shared listen model (the same as DS1010's for Kestrel URLs) and is applied by
/// <c>--fix</c> only when it keeps an IPv4 fallback. Silent on an IPv4-only target, where that is all there is.
/// </summary>
public sealed class DS2030IPv4WildcardListenCheck : IObjectCheck
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
            var fix = listen.Fix;
            var edit = fix.KeepsIPv4Fallback
                ? ScalarEdit.Replace(obj.Document, listen.Node, ListenHosts.IPv4Wildcard, fix.Host, $"listen on \"{fix.Replacement}\"", listen.Address.HostStart)
                : null;
            context.Report(RuleIds[0], obj, listen.Node, listen.Field,
                $"container \"{listen.Container}\" listens on the IPv4 wildcard: {listen.Source} \"{listen.Token}\" accepts IPv4 " +
                $"connections only, so IPv6 traffic and IPv6 probes on the {(target.IsDualStack ? "dual-stack" : "IPv6-only")} target fail. " +
                $"Use \"{fix.Replacement}\", {fix.Explanation}",
                fix: edit);
        }
    }
}
