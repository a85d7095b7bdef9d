using DualStack.Manifests.Checks.NetworkPolicy;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.IpValues;

/// <summary>
/// Finds every value of the legacy IP/CIDR fields of an object (spec §1 field map): the fields that take the sloppy
/// parser and, from Kubernetes 1.36, the strict layer. ServiceCIDR <c>spec.cidrs</c> and IPAddress names are not
/// legacy fields (they are always strict and canonical) and are not listed here.
/// </summary>
internal static class DS2050LegacyIpFields
{
    private const string SourceRangesAnnotation = "service.beta.kubernetes.io/load-balancer-source-ranges";

    public static IEnumerable<DS2050LegacyIpField> Of(KubeObject obj)
    {
        var core = obj.Group.Length == 0;
        return obj.Kind switch
        {
            "Service" when core => Service(obj.Root),
            "Node" when core => Node(obj.Root),
            "Pod" when core => PodStatus(obj.Root).Concat(HostAliases(obj)),
            "Endpoints" when core => Endpoints(obj.Root),
            "EndpointSlice" when obj.Group == "discovery.k8s.io" => EndpointSlice(obj.Root),
            "NetworkPolicy" when obj.Group == "networking.k8s.io" => NetworkPolicy(obj.Root),
            "Ingress" when obj.Group is "networking.k8s.io" or "extensions" => LoadBalancerStatus(obj.Root),
            _ => HostAliases(obj),
        };
    }

    private static IEnumerable<DS2050LegacyIpField> Service(YamlMappingNode root)
    {
        var spec = root.Get("spec");

        // clusterIP is copied into clusterIPs[0] on create; both are listed so that fixing both keeps them in sync.
        if (spec.GetScalar("clusterIP") is { } clusterIP && !IsNone(clusterIP))
        {
            yield return new(clusterIP, "spec.clusterIP", LegacyValueKind.Ip);
        }

        foreach (var (node, path) in SequenceScalars.Of(spec.Get("clusterIPs"), "spec.clusterIPs"))
        {
            if (!IsNone(node))
            {
                yield return new(node, path, LegacyValueKind.Ip);
            }
        }

        foreach (var (node, path) in SequenceScalars.Of(spec.Get("externalIPs"), "spec.externalIPs"))
        {
            yield return new(node, path, LegacyValueKind.Ip);
        }

        foreach (var (node, path) in SequenceScalars.Of(spec.Get("loadBalancerSourceRanges"), "spec.loadBalancerSourceRanges"))
        {
            yield return new(node, path, LegacyValueKind.Cidr, Trimmed: true) { ErrorPath = "spec.LoadBalancerSourceRanges" + path.Substring("spec.loadBalancerSourceRanges".Length) };
        }

        // The annotation is read only when the field is empty: each comma-separated item, trimmed, is a legacy CIDR
        // (validated, but never warned about).
        if (spec.Get("loadBalancerSourceRanges").Items().Count == 0
            && root.Get("metadata").Get("annotations").GetScalar(SourceRangesAnnotation) is { } annotation)
        {
            foreach (var item in CommaItems(annotation))
            {
                yield return item;
            }
        }

        // Not validated at all, only warned about (pkg/api/service/warnings.go).
        if (spec.GetScalar("loadBalancerIP") is { } loadBalancerIP)
        {
            yield return new(loadBalancerIP, "spec.loadBalancerIP", LegacyValueKind.Ip, Validated: false);
        }

        foreach (var field in LoadBalancerStatus(root))
        {
            yield return field;
        }
    }

    private static IEnumerable<DS2050LegacyIpField> LoadBalancerStatus(YamlMappingNode root)
    {
        var ingress = root.Get("status").Get("loadBalancer").Get("ingress").Items();
        for (var i = 0; i < ingress.Count; i++)
        {
            if (ingress[i].GetScalar("ip") is { } ip)
            {
                yield return new(ip, $"status.loadBalancer.ingress[{i}].ip", LegacyValueKind.Ip);
            }
        }
    }

    private static IEnumerable<DS2050LegacyIpField> Node(YamlMappingNode root)
    {
        var spec = root.Get("spec");
        if (spec.GetScalar("podCIDR") is { } podCIDR)
        {
            yield return new(podCIDR, "spec.podCIDR", LegacyValueKind.Cidr);
        }

        foreach (var (node, path) in SequenceScalars.Of(spec.Get("podCIDRs"), "spec.podCIDRs"))
        {
            yield return new(node, path, LegacyValueKind.Cidr);
        }
    }

    private static IEnumerable<DS2050LegacyIpField> PodStatus(YamlMappingNode root)
    {
        var status = root.Get("status");
        foreach (var single in new[] { "podIP", "hostIP" })
        {
            if (status.GetScalar(single) is { } node)
            {
                yield return new(node, "status." + single, LegacyValueKind.Ip);
            }
        }

        // The API server validates status.podIPs[i].ip under the path status.podIPs[i] (validatePodIPs / validateHostIPs).
        foreach (var list in new[] { "podIPs", "hostIPs" })
        {
            var items = status.Get(list).Items();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].GetScalar("ip") is { } ip)
                {
                    yield return new(ip, $"status.{list}[{i}]", LegacyValueKind.Ip);
                }
            }
        }
    }

    private static IEnumerable<DS2050LegacyIpField> HostAliases(KubeObject obj)
    {
        foreach (var pod in PodSpecs.Of(obj))
        {
            var specPath = pod.Path;
            var aliases = pod.Spec.Get("hostAliases").Items();
            for (var i = 0; i < aliases.Count; i++)
            {
                if (aliases[i].GetScalar("ip") is { } ip)
                {
                    yield return new(ip, $"{specPath}.hostAliases[{i}].ip", LegacyValueKind.Ip);
                }
            }
        }
    }

    private static IEnumerable<DS2050LegacyIpField> Endpoints(YamlMappingNode root)
    {
        var subsets = root.Get("subsets").Items();
        for (var s = 0; s < subsets.Count; s++)
        {
            foreach (var list in new[] { "addresses", "notReadyAddresses" })
            {
                var addresses = subsets[s].Get(list).Items();
                for (var a = 0; a < addresses.Count; a++)
                {
                    if (addresses[a].GetScalar("ip") is { } ip)
                    {
                        yield return new(ip, $"subsets[{s}].{list}[{a}].ip", LegacyValueKind.Ip);
                    }
                }
            }
        }
    }

    private static IEnumerable<DS2050LegacyIpField> EndpointSlice(YamlMappingNode root)
    {
        // FQDN slices hold names, and unknown types are not validated at all.
        if (root.GetString("addressType") is not ("IPv4" or "IPv6"))
        {
            yield break;
        }

        var endpoints = root.Get("endpoints").Items();
        for (var e = 0; e < endpoints.Count; e++)
        {
            foreach (var (node, path) in SequenceScalars.Of(endpoints[e].Get("addresses"), $"endpoints[{e}].addresses"))
            {
                yield return new(node, path, LegacyValueKind.Ip);
            }
        }
    }

    private static IEnumerable<DS2050LegacyIpField> NetworkPolicy(YamlMappingNode root)
    {
        foreach (var (_, ipBlock, peerPath, _) in NetworkPolicyPeers.Of(root))
        {
            if (ipBlock is null)
            {
                continue;
            }

            if (ipBlock.GetScalar("cidr") is { } cidr)
            {
                yield return new(cidr, peerPath + ".ipBlock.cidr", LegacyValueKind.Cidr);
            }

            foreach (var (node, path) in SequenceScalars.Of(ipBlock.Get("except"), peerPath + ".ipBlock.except"))
            {
                yield return new(node, path, LegacyValueKind.Cidr);
            }
        }
    }

    private static IEnumerable<DS2050LegacyIpField> CommaItems(YamlScalarNode annotation)
    {
        var text = annotation.AsString() ?? string.Empty;
        var path = $"metadata.annotations[{SourceRangesAnnotation}]";
        var start = 0;
        while (start <= text.Length && text.Trim().Length > 0)
        {
            var comma = text.IndexOf(',', start);
            var end = comma < 0 ? text.Length : comma;
            var raw = text.Substring(start, end - start);
            var item = raw.Trim();
            if (item.Length > 0)
            {
                yield return new(annotation, path, LegacyValueKind.Cidr) { Item = item, ItemStart = start + raw.IndexOf(item, StringComparison.Ordinal), Warned = false };
            }

            if (comma < 0)
            {
                break;
            }

            start = comma + 1;
        }
    }

    private static bool IsNone(YamlScalarNode node) => node.AsString() is null or "" or "None";
}
