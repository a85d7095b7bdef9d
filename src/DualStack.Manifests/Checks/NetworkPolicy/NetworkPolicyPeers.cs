using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.NetworkPolicy;

/// <summary>The peers of a NetworkPolicy's rules, with the paths the API server prints for them.</summary>
internal static class NetworkPolicyPeers
{
    /// <summary>Every peer (mapping) of every rule: the peer, its ipBlock mapping or null, its path and the path of its list.</summary>
    public static IEnumerable<(YamlMappingNode Peer, YamlMappingNode? IpBlock, string PeerPath, string PeersPath)> Of(YamlMappingNode root)
    {
        foreach (var (direction, peersKey) in new[] { ("ingress", "from"), ("egress", "to") })
        {
            var rules = root.Get("spec").Get(direction).Items();
            for (var r = 0; r < rules.Count; r++)
            {
                var peersPath = $"spec.{direction}[{r}].{peersKey}";
                var peers = rules[r].Get(peersKey).Items();
                for (var p = 0; p < peers.Count; p++)
                {
                    if (peers[p] is YamlMappingNode peer)
                    {
                        yield return (peer, peer.GetMapping("ipBlock"), $"{peersPath}[{p}]", peersPath);
                    }
                }
            }
        }
    }
}
