using DualStack.Manifests.Checks.IpValues;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Endpoints;

/// <summary>
/// DS2040: Endpoints and EndpointSlice addresses as the API server validates them. Endpoints: each
/// <c>subsets[].addresses[].ip</c> / <c>notReadyAddresses[].ip</c> must parse (sloppy) and pass the EndpointIP filter.
/// EndpointSlice: <c>addressType</c> IPv4, IPv6 or FQDN; each endpoint 1–100 addresses; for IP slices each address
/// must parse, be of the slice's family (an IPv4-mapped IPv6 address counts as IPv4) and pass the EndpointIP filter.
/// FQDN slices: each address must be a fully qualified domain name (<c>IsFullyQualifiedDomainName</c>). Limits: at most
/// 20000 <c>ports</c>, 8 <c>hints.forZones</c> and 16 <c>deprecatedTopology</c> labels per endpoint.
/// Strict-layer problems (leading zeros, IPv4-mapped) are DS2050's.
/// </summary>
public sealed class DS2040EndpointAddressCheck : IObjectCheck
{
    private static readonly string[] AddressTypes = ["FQDN", "IPv4", "IPv6"];

    private const int MaxPorts = 20000;
    private const int MaxZoneHints = 8;
    private const int MaxTopologyLabels = 16;

    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.EndpointAddressFamily];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (obj.Is(string.Empty, "Endpoints"))
        {
            CheckEndpoints(obj, context);
        }
        else if (obj.Is("discovery.k8s.io", "EndpointSlice"))
        {
            CheckSlice(obj, context);
        }
    }

    private static void CheckEndpoints(KubeObject obj, CheckContext context)
    {
        var subsets = obj.Root.Get("subsets").Items();
        for (var s = 0; s < subsets.Count; s++)
        {
            if (subsets[s] is YamlMappingNode subset && subset.Get("addresses").Items().Count == 0 && subset.Get("notReadyAddresses").Items().Count == 0)
            {
                var subsetPath = $"subsets[{s}]";
                context.Report(Rules.RuleIds.EndpointAddressFamily, obj, subset, subsetPath,
                    ApiError.Required("must specify `addresses` or `notReadyAddresses`"));
            }

            foreach (var list in new[] { "addresses", "notReadyAddresses" })
            {
                var addresses = subsets[s].Get(list).Items();
                for (var a = 0; a < addresses.Count; a++)
                {
                    if (addresses[a] is not YamlMappingNode address)
                    {
                        continue;
                    }

                    var path = $"subsets[{s}].{list}[{a}].ip";
                    var ipNode = address.Get("ip");
                    if (ipNode is not null and not YamlScalarNode)
                    {
                        continue;
                    }

                    CheckIp(obj, context, ipNode ?? address, path, ipNode.AsString() ?? string.Empty, family: null);
                }
            }
        }
    }

    private static void CheckSlice(KubeObject obj, CheckContext context)
    {
        var typeNode = obj.Root.GetScalar("addressType");
        var addressType = typeNode.AsString() ?? string.Empty;
        if (addressType.Length == 0)
        {
            context.Report(Rules.RuleIds.EndpointAddressFamily, obj, (YamlNode?)typeNode ?? obj.Root.GetKey("kind") ?? (YamlNode)obj.Root, "addressType",
                ApiError.Required() + ": use IPv4 or IPv6 (one slice per family) or FQDN");
        }
        else if (!AddressTypes.Contains(addressType))
        {
            context.Report(Rules.RuleIds.EndpointAddressFamily, obj, typeNode!, "addressType", ApiError.NotSupported(addressType, AddressTypes));
        }

        IpFamily? family = addressType switch
        {
            "IPv4" => IpFamily.IPv4,
            "IPv6" => IpFamily.IPv6,
            _ => null,
        };

        var ports = obj.Root.Get("ports").Items();
        if (ports.Count > MaxPorts)
        {
            context.Report(Rules.RuleIds.EndpointAddressFamily, obj, obj.Root.GetKey("ports")!, "ports", ApiError.TooMany(ports.Count, MaxPorts));
        }

        var endpoints = obj.Root.Get("endpoints").Items();
        if (endpoints.Count > 1000)
        {
            context.Report(Rules.RuleIds.EndpointAddressFamily, obj, obj.Root.GetKey("endpoints")!, "endpoints", ApiError.TooMany(endpoints.Count, 1000));
            return;
        }

        for (var e = 0; e < endpoints.Count; e++)
        {
            if (endpoints[e] is not YamlMappingNode endpoint)
            {
                continue;
            }

            var addressesPath = $"endpoints[{e}].addresses";
            var addressesNode = endpoint.Get("addresses");
            var addresses = addressesNode.Items();
            if (addresses.Count == 0 && (addressesNode is null or YamlSequenceNode || (addressesNode is YamlScalarNode scalar && scalar.IsNull())))
            {
                context.Report(Rules.RuleIds.EndpointAddressFamily, obj, (YamlNode?)endpoint.GetKey("addresses") ?? endpoint, addressesPath,
                    ApiError.Required("must contain at least 1 address"));
            }
            else if (addresses.Count > 100)
            {
                context.Report(Rules.RuleIds.EndpointAddressFamily, obj, endpoint.GetKey("addresses")!, addressesPath, ApiError.TooMany(addresses.Count, 100));
            }

            // Unknown address types fall through unvalidated; FQDN slices hold names.
            foreach (var (node, path) in SequenceScalars.Of(addressesNode, addressesPath))
            {
                if (family is not null)
                {
                    CheckIp(obj, context, node, path, node.AsString() ?? string.Empty, family);
                }
                else if (addressType == "FQDN")
                {
                    CheckFqdn(obj, context, node, path, node.AsString() ?? string.Empty);
                }
            }

            var topology = endpoint.Get("deprecatedTopology");
            if (topology is YamlMappingNode labels && labels.Children.Count > MaxTopologyLabels)
            {
                var topologyPath = $"endpoints[{e}].deprecatedTopology";
                context.Report(Rules.RuleIds.EndpointAddressFamily, obj, endpoint.GetKey("deprecatedTopology")!, topologyPath,
                    ApiError.TooMany(labels.Children.Count, MaxTopologyLabels));
            }

            var zones = endpoint.Get("hints").Get("forZones").Items();
            if (zones.Count > MaxZoneHints)
            {
                var zonesPath = $"endpoints[{e}].hints.forZones";
                context.Report(Rules.RuleIds.EndpointAddressFamily, obj, endpoint.Get("hints").GetKey("forZones")!, zonesPath,
                    ApiError.TooMany(zones.Count, MaxZoneHints));
            }
        }
    }

    // IsFullyQualifiedDomainName: the API server prints the name without its trailing dot, or the offending label.
    private static void CheckFqdn(KubeObject obj, CheckContext context, YamlNode node, string path, string value)
    {
        if (DnsNames.FullyQualifiedDomainNameError(value) is not { } error)
        {
            return;
        }

        var message = error.Detail is null ? ApiError.Required() : ApiError.Invalid(error.Value, error.Detail);
        context.Report(Rules.RuleIds.EndpointAddressFamily, obj, node, path, message);
    }

    // Legacy IP check (sloppy part), then for slices the family, then the EndpointIP filter: one finding per message.
    private static void CheckIp(KubeObject obj, CheckContext context, YamlNode node, string path, string value, IpFamily? family)
    {
        if (!IpParser.TryParseSloppy(value, out var ip))
        {
            context.Report(Rules.RuleIds.EndpointAddressFamily, obj, node, path, ApiError.Invalid(value, IpMessages.InvalidIp));
            return;
        }

        // From 1.36 a strict-layer failure (DS2050's finding) is the address's error, and upstream checks nothing more.
        if (context.KubernetesVersion >= KubernetesVersion.StrictIpValidation && !IpParser.ParseIp(value, strict: true).Success)
        {
            return;
        }

        if (family is { } expected && ip.Family != expected)
        {
            var detail = expected == IpFamily.IPv4 ? "must be an IPv4 address" : "must be an IPv6 address";
            context.Report(Rules.RuleIds.EndpointAddressFamily, obj, node, path,
                ApiError.Invalid(value, detail) + $"; the slice's addressType is {expected}: put {ip.Family} addresses in a slice of addressType {ip.Family}");
        }

        foreach (var detail in KubernetesIpValidation.ValidateEndpointIp(value))
        {
            context.Report(Rules.RuleIds.EndpointAddressFamily, obj, node, path, ApiError.Invalid(value, detail));
        }
    }
}
