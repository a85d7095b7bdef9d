using DualStack.Manifests.Checks.IpValues;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.NodePod;

/// <summary>
/// DS2042: Node <c>spec.podCIDRs</c> (v1 <c>podCIDR</c> folded in as the API server converts it) and Pod
/// <c>status.podIPs</c> / <c>status.hostIPs</c>: each value must parse (sloppy; strict problems are DS2050's), more
/// than one must be a dual-stack pair of at most two, and <c>hostIPs[0]</c> must equal <c>hostIP</c>. Also an Ingress's
/// <c>status.loadBalancer.ingress[i].ip</c> (must parse), the other controller-written status IP outside Services.
/// </summary>
public sealed class DS2042NodePodIpCheck : IObjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.InvalidNodeOrPodIPs];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (obj.Is(string.Empty, "Node"))
        {
            CheckNode(obj, context);
        }
        else if (obj.Is(string.Empty, "Pod"))
        {
            CheckPod(obj, context);
        }
        else if (obj.Is("networking.k8s.io", "Ingress") || obj.Is("extensions", "Ingress"))
        {
            CheckIngressStatus(obj, context);
        }
    }

    // ValidateIngressLoadBalancerStatus: each status.loadBalancer.ingress[i].ip must parse (sloppy; strict problems are
    // DS2050's). Status is validated only on status updates, so this matters for manifests that carry one.
    private static void CheckIngressStatus(KubeObject obj, CheckContext context)
    {
        var ingress = obj.Root.Get("status").Get("loadBalancer").Get("ingress").Items();
        for (var i = 0; i < ingress.Count; i++)
        {
            if (ingress[i].GetScalar("ip") is not { } ipNode || ipNode.AsString() is not { Length: > 0 } value)
            {
                continue;
            }

            if (KubernetesIpValidation.ValidateIpForLegacyField(value, strict: false) is { } detail)
            {
                var path = $"status.loadBalancer.ingress[{i}].ip";
                context.Report(Rules.RuleIds.InvalidNodeOrPodIPs, obj, ipNode, path, ApiError.Invalid(value, detail));
            }
        }
    }

    private static void CheckNode(KubeObject obj, CheckContext context)
    {
        var podCidrNode = obj.Spec.GetScalar("podCIDR");
        var podCidr = podCidrNode.AsString() ?? string.Empty;
        var listed = SequenceScalars.Of(obj.Spec.Get("podCIDRs"), "spec.podCIDRs").ToList();

        // v1 → internal conversion: a set podCIDR that podCIDRs does not start with replaces podCIDRs entirely.
        List<(YamlScalarNode Node, string Path)> effective;
        if (podCidr.Length > 0 && (listed.Count == 0 || listed[0].Node.AsString() != podCidr))
        {
            effective = [(podCidrNode!, "spec.podCIDR")];
            if (listed.Count > 0)
            {
                context.Report(Rules.RuleIds.InvalidNodeOrPodIPs, obj, listed[0].Node, listed[0].Path,
                    $"\"{listed[0].Node.Value}\" differs from spec.podCIDR \"{podCidr}\": the API server keeps podCIDR and "
                    + $"replaces podCIDRs with [\"{podCidr}\"], dropping every other entry; make podCIDR equal podCIDRs[0]",
                    Severity.Warning);
            }
        }
        else
        {
            effective = listed;
        }

        CheckList(obj, context, effective, LegacyValueKind.Cidr, "spec.podCIDRs", "may specify no more than one CIDR for each IP family",
            values => ApiError.JsonArray(values));
    }

    private static void CheckPod(KubeObject obj, CheckContext context)
    {
        var status = obj.Root.Get("status");
        var podIPs = IpItems(status, "podIPs");

        // v1 conversion: podIP alone becomes podIPs[0].
        if (podIPs.Count == 0 && status.GetScalar("podIP") is { } podIP && podIP.AsString() is { Length: > 0 })
        {
            podIPs = [(podIP, "status.podIP")];
        }

        CheckList(obj, context, podIPs, LegacyValueKind.Ip, "status.podIPs", "may specify no more than one IP for each IP family", PodIpsJson);

        var hostIPs = IpItems(status, "hostIPs");
        if (hostIPs.Count == 0)
        {
            return;
        }

        var hostIP = status.GetString("hostIP") ?? string.Empty;
        var first = hostIPs[0].Node.AsString() ?? string.Empty;
        if (first != hostIP)
        {
            const string path = "status.hostIPs[0].ip";
            var expected = hostIP.Length == 0 ? "set status.hostIP to the same address" : $"status.hostIP is \"{hostIP}\"";
            context.Report(Rules.RuleIds.InvalidNodeOrPodIPs, obj, hostIPs[0].Node, path,
                ApiError.Invalid(first, "must be equal to `hostIP`") + "; " + expected);
        }

        CheckList(obj, context, hostIPs, LegacyValueKind.Ip, "status.hostIPs", "may specify no more than one IP for each IP family", PodIpsJson);
    }

    // The ip scalars of status.podIPs / status.hostIPs, with the paths the API server prints (status.podIPs[i]).
    private static List<(YamlScalarNode Node, string Path)> IpItems(YamlNode? status, string list)
    {
        var result = new List<(YamlScalarNode, string)>();
        var items = status.Get(list).Items();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].GetScalar("ip") is { } ip)
            {
                result.Add((ip, $"status.{list}[{i}]"));
            }
        }

        return result;
    }

    private static void CheckList(
        KubeObject obj,
        CheckContext context,
        IReadOnlyList<(YamlScalarNode Node, string Path)> entries,
        LegacyValueKind kind,
        string listPath,
        string pairDetail,
        Func<IEnumerable<string>, string> json)
    {
        var families = new List<IpFamily>();
        var allParse = true;
        foreach (var (node, path) in entries)
        {
            var value = node.AsString() ?? string.Empty;
            var detail = kind == LegacyValueKind.Ip
                ? KubernetesIpValidation.ValidateIpForLegacyField(value, strict: false)
                : KubernetesIpValidation.ValidateCidrForLegacyField(value, strict: false);
            if (detail is not null)
            {
                allParse = false;
                context.Report(Rules.RuleIds.InvalidNodeOrPodIPs, obj, node, path, ApiError.Invalid(value, detail));
                continue;
            }

            families.Add(kind == LegacyValueKind.Ip
                ? (IpParser.TryParseSloppy(value, out var ip) ? ip.Family : IpFamily.IPv4)
                : (IpParser.TryParseCidrSloppy(value, out var cidr) ? cidr.Family : IpFamily.IPv4));
        }

        // IsDualStack* fails on an unparseable entry (an internal error upstream): the per-entry error says enough.
        if (entries.Count <= 1 || !allParse)
        {
            return;
        }

        var offending = -1;
        for (var i = 1; i < families.Count && offending < 0; i++)
        {
            if (i >= 2 || families.IndexOf(families[i]) < i)
            {
                offending = i;
            }
        }

        if (offending >= 0)
        {
            var values = entries.Select(e => e.Node.AsString() ?? string.Empty).ToList();
            var why = offending >= 2
                ? $"{entries.Count} entries given, at most two (one IPv4 and one IPv6)"
                : $"\"{values[offending]}\" is {families[offending]} like \"{values[0]}\"";
            context.Report(Rules.RuleIds.InvalidNodeOrPodIPs, obj, entries[offending].Node, listPath,
                ApiError.InvalidJson(json(values), pairDetail) + "; " + why);
        }
    }

    private static string PodIpsJson(IEnumerable<string> values) =>
        "[" + string.Join(",", values.Select(v => "{\"ip\":" + ApiError.Quote(v) + "}")) + "]";
}
