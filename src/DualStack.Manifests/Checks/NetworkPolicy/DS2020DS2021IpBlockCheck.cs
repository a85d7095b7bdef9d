using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.NetworkPolicy;

/// <summary>
/// DS2020 and DS2021: <c>ValidateIPBlock</c> and the ipBlock part of <c>ValidateNetworkPolicyPeer</c>. A missing or
/// empty <c>cidr</c> is Required; a value the sloppy parser rejects is Invalid (strict-layer problems are DS2050's);
/// an ipBlock next to a selector is Forbidden; an <c>except</c> that is not a strict subset of <c>cidr</c> is DS2021.
/// </summary>
public sealed class DS2020DS2021IpBlockCheck : IObjectCheck
{
    private const string StrictSubset = "must be a strict subset of `cidr`";

    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.InvalidIpBlock, Rules.RuleIds.IpBlockExceptNotSubset];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (!obj.Is("networking.k8s.io", "NetworkPolicy"))
        {
            return;
        }

        foreach (var (peer, ipBlock, peerPath, _) in NetworkPolicyPeers.Of(obj.Root))
        {
            if (ipBlock is null)
            {
                continue;
            }

            CheckPeerKinds(obj, context, peer, peerPath);
            CheckIpBlock(obj, context, ipBlock, peer.GetKey("ipBlock")!, peerPath + ".ipBlock");
        }
    }

    // numPeers > 1 with an ipBlock: any selector that is present (an empty {} selector counts; null does not).
    private static void CheckPeerKinds(KubeObject obj, CheckContext context, YamlMappingNode peer, string peerPath)
    {
        foreach (var selector in new[] { "podSelector", "namespaceSelector" })
        {
            if (peer.Get(selector) is { } value && !(value is YamlScalarNode scalar && scalar.IsNull()))
            {
                context.Report(Rules.RuleIds.InvalidIpBlock, obj, peer.GetKey(selector)!, peerPath,
                    ApiError.Forbidden("may not specify both ipBlock and another peer")
                    + $"; put the {selector} in a peer of its own (peers of one rule are OR-ed)");
                return;
            }
        }
    }

    private static void CheckIpBlock(KubeObject obj, CheckContext context, YamlMappingNode ipBlock, YamlScalarNode ipBlockKey, string path)
    {
        var cidrPath = path + ".cidr";
        // A cidr of the wrong YAML type is a decoding error upstream, not a missing value: leave it alone.
        if (ipBlock.Get("cidr") is { } raw && raw is not YamlScalarNode)
        {
            return;
        }

        var cidrNode = ipBlock.GetScalar("cidr");
        var cidrText = cidrNode.AsString() ?? string.Empty;
        if (cidrText.Length == 0)
        {
            context.Report(Rules.RuleIds.InvalidIpBlock, obj, (YamlNode?)cidrNode ?? ipBlockKey, cidrPath,
                ApiError.Required() + ": give the range to allow, e.g. \"10.0.0.0/8\" or \"2001:db8::/32\"");
            return;
        }

        if (!IpParser.TryParseCidrSloppy(cidrText, out var cidr))
        {
            context.Report(Rules.RuleIds.InvalidIpBlock, obj, cidrNode!, cidrPath, ApiError.Invalid(cidrText, IpMessages.InvalidCidr));
            return;
        }

        var excepts = ipBlock.Get("except").Items();
        for (var i = 0; i < excepts.Count; i++)
        {
            if (excepts[i] is not YamlScalarNode exceptNode)
            {
                continue;
            }

            var exceptPath = $"{path}.except[{i}]";
            var exceptText = exceptNode.AsString() ?? string.Empty;
            if (!IpParser.TryParseCidrSloppy(exceptText, out var except))
            {
                context.Report(Rules.RuleIds.InvalidIpBlock, obj, exceptNode, exceptPath, ApiError.Invalid(exceptText, IpMessages.InvalidCidr));
                continue;
            }

            // Go compares Mask.Size() as written (32- or 128-bit masks) and IPNet.Contains on the except's network.
            if (!cidr.Contains(except.Network) || cidr.PrefixLength >= except.PrefixLength)
            {
                context.Report(Rules.RuleIds.IpBlockExceptNotSubset, obj, exceptNode, exceptPath,
                    ApiError.Invalid(exceptText, StrictSubset) + "; " + Explain(cidr, except));
            }
        }
    }

    private static string Explain(IpCidr cidr, IpCidr except)
    {
        if (cidr.Family != except.Family)
        {
            return $"\"{except}\" is {except.Family} but cidr \"{cidr}\" is {cidr.Family}: move it to an ipBlock of its own family";
        }

        if (!cidr.Contains(except.Network))
        {
            return $"\"{except}\" lies outside cidr \"{cidr}\"";
        }

        if (cidr.AddressBits != except.AddressBits && cidr.Contains(except))
        {
            return $"the API server compares the prefix lengths as written (/{cidr.PrefixLength} and /{except.PrefixLength}): write cidr and except both in IPv4 notation";
        }

        return cidr.PrefixLength == except.PrefixLength && cidr.Network == except.Network
            ? $"\"{except}\" is the whole of cidr \"{cidr}\", which excepts everything: remove the ipBlock or use a longer prefix"
            : $"\"{except}\" is wider than cidr \"{cidr}\"";
    }
}
