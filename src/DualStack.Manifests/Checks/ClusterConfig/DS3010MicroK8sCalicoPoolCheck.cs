using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Yaml;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>DS3010: a MicroK8s pod range smaller than the block of the Calico default pool generate-cni.sh makes of it.</summary>
public sealed class DS3010MicroK8sCalicoPoolCheck : MicroK8sLaunchCheck
{
    public override IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.InvalidCalicoPool];

    protected override void Check(LoadedDocument document, YamlMappingNode root, CheckContext context) =>
        CheckCalicoBlocks(MicroK8sReader.Read(document), context);

    // generate-cni.sh writes the cluster CIDRs into Calico's default pools (CALICO_IPV4POOL_CIDR / CALICO_IPV6POOL_CIDR)
    // with the default block sizes 26 / 122; calico-node refuses a pool smaller than its block.
    private static void CheckCalicoBlocks(ConfigDocument config, CheckContext context)
    {
        foreach (var range in config.Ranges.Where(r => r.InModel && r.Role == RangeRole.Pod && !r.Value.IsDefault))
        {
            foreach (var item in range.Items.Where(i => i.Cidr is not null))
            {
                var cidr = item.Cidr!.Value;
                var block = cidr.Family == IpFamily.IPv4 ? 26 : 122;
                if (cidr.FamilyPrefixLength > block)
                {
                    context.Report(Rules.RuleIds.InvalidCalicoPool, item.Value,
                        $"{range.FlagName} \"{item.Value.Text}\" becomes Calico's default {cidr.Family} pool, which must be at least as large as its /{block} block (\"IP pool size is too small for use with Calico IPAM\"); use a /{block} or larger range");
                }
            }
        }
    }
}
