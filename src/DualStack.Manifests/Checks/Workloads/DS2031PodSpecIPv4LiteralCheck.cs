using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Workloads;

/// <summary>
/// DS2031: IPv4 literals in a pod spec that the kubelet uses as addresses: the <c>host</c> of HTTP and TCP probes and
/// lifecycle hooks, and <c>hostAliases[].ip</c>; loopback (127.0.0.0/8) is exempt, as every pod and node keeps it. A warning when the target serves IPv6 (dual-stack or IPv6-only); a
/// host alias whose hostnames also get an IPv6 entry is the correct dual-stack form and stays silent. A host alias
/// IP even the sloppy parser refuses is an error on any target (the API server's legacy IP check).
/// </summary>
public sealed class DS2031PodSpecIPv4LiteralCheck : IObjectCheck
{
    private static readonly string[] Handlers = ["livenessProbe", "readinessProbe", "startupProbe"];

    private static readonly string[] Hooks = ["postStart", "preStop"];

    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.IPv4LiteralInPodSpec];

    public void Check(KubeObject obj, CheckContext context)
    {
        var warn = context.Options.IpFamilies.Contains(IpFamily.IPv6);
        foreach (var pod in PodSpecs.Of(obj))
        {
            HostAliases(obj, pod, context, warn);
            if (!warn)
            {
                continue;
            }

            foreach (var (container, path) in PodSpecs.Containers(pod))
            {
                foreach (var probe in Handlers)
                {
                    ActionHosts(obj, context, container.GetMapping(probe), $"{path}.{probe}");
                }

                foreach (var hook in Hooks)
                {
                    ActionHosts(obj, context, container.GetMapping("lifecycle").GetMapping(hook), $"{path}.lifecycle.{hook}");
                }
            }
        }
    }

    private void ActionHosts(KubeObject obj, CheckContext context, YamlMappingNode? handler, string path)
    {
        foreach (var action in new[] { "httpGet", "tcpSocket" })
        {
            if (handler.GetMapping(action).GetScalar("host") is { } node &&
                IpParser.TryParseSloppy(node.AsString(), out var ip) && ip.Family == IpFamily.IPv4 && !ip.IsLoopback)
            {
                context.Report(RuleIds[0], obj, node, $"{path}.{action}.host",
                    $"{action}.host is the IPv4 literal \"{node.Value}\", which has no route on an IPv6-only cluster and " +
                    $"checks only the IPv4 side of a dual-stack pod; omit host to use the pod IP, or use a name");
            }
        }
    }

    private void HostAliases(KubeObject obj, PodSpecRef pod, CheckContext context, bool warn)
    {
        var aliases = pod.Spec.Get("hostAliases").Items();
        var parsed = new List<(YamlNode Alias, YamlNode? IpNode, IpAddress? Ip)>();
        for (var i = 0; i < aliases.Count; i++)
        {
            var ipNode = aliases[i].Get("ip");
            var value = ipNode.AsString() ?? string.Empty;
            var path = $"{pod.Path}.hostAliases[{i}].ip";
            if (IpParser.TryParseSloppy(value, out var ip))
            {
                parsed.Add((aliases[i], ipNode, ip));
                continue;
            }

            parsed.Add((aliases[i], ipNode, null));
            context.Report(RuleIds[0], obj, ipNode ?? aliases[i], path, ApiError.Invalid(value, IpMessages.InvalidIp), Severity.Error);
        }

        if (!warn)
        {
            return;
        }

        var ipv6Names = new HashSet<string>(parsed.Where(p => p.Ip?.Family == IpFamily.IPv6).SelectMany(p => Hostnames(p.Alias)), StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < parsed.Count; i++)
        {
            var (alias, ipNode, ip) = parsed[i];
            // 127.0.0.1 stays on the loopback interface, which every pod has whatever the cluster's families.
            if (ip is not { Family: IpFamily.IPv4, IsLoopback: false } || ipNode is null)
            {
                continue;
            }

            var names = Hostnames(alias).ToList();
            if (names.Count > 0 && names.All(ipv6Names.Contains))
            {
                continue;
            }

            context.Report(RuleIds[0], obj, ipNode, $"{pod.Path}.hostAliases[{i}].ip",
                $"host alias {string.Join(", ", names.Select(n => "\"" + n + "\""))} resolves to the IPv4 literal \"{ipNode.AsString()}\" only, " +
                "so the name cannot be reached on an IPv6-only cluster; add a host alias with the IPv6 address for the same hostnames");
        }
    }

    private static IEnumerable<string> Hostnames(YamlNode alias) =>
        alias.Get("hostnames").Items().Select(h => h.AsString() ?? string.Empty).Where(h => h.Length > 0);
}
