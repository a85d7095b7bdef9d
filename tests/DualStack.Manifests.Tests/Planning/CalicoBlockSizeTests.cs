using DualStack.Manifests.Planning;
using DualStack.Rules.Net;
using static DualStack.Manifests.Tests.Planning.PlanTestHelper;

namespace DualStack.Manifests.Tests.Planning;

/// <summary>
/// A Calico pool's own <c>blockSize</c> (IPPool <c>spec.blockSize</c>, Installation <c>ipPools[].blockSize</c>) cuts the
/// pool, not Calico's defaults (/26, /122); a value the Calico check rejects leaves the default (the check reports it).
/// </summary>
public sealed class CalicoBlockSizeTests
{
    [Fact]
    public void IPPool_blockSize_decides_the_blocks_and_the_nodes()
    {
        var plan = Plan("""
            apiVersion: projectcalico.org/v3
            kind: IPPool
            metadata: {name: v4}
            spec:
              cidr: 10.244.0.0/16
              blockSize: 24
            """, path: "pool.yaml");

        // /16 cut into /24 blocks: 256 blocks of 256 addresses; 110 pods fit one block, so 256 nodes.
        var pods = plan.Family(IpFamily.IPv4).Pods!;
        Assert.Equal((PodAllocationMethod.CalicoBlock, 24, 256, 256), (pods.Allocation.Method, pods.Allocation.Mask, (int)pods.Allocation.NodeRanges, (int)pods.Allocation.AddressesPerRange));
        Assert.Equal(256, (int)pods.Nodes);
        Assert.Equal("spec.blockSize", pods.Allocation.MaskSource?.Field);
    }

    [Fact]
    public void Installation_pool_blockSize_cuts_each_family_of_the_operator_pools()
    {
        var plan = Plan("""
            apiVersion: operator.tigera.io/v1
            kind: Installation
            metadata: {name: default}
            spec:
              calicoNetwork:
                ipPools:
                - cidr: 10.244.0.0/16
                  blockSize: 28
                - cidr: fd00:10:244::/56
                  blockSize: 120
            """, path: "installation.yaml");

        var v6 = plan.Family(IpFamily.IPv6).Pods!.Allocation;
        Assert.Equal((PodAllocationMethod.CalicoBlock, 120, "spec.calicoNetwork.ipPools[1].blockSize"), (v6.Method, v6.Mask, v6.MaskSource?.Field));
        var v4 = plan.Family(IpFamily.IPv4).Pods!;
        Assert.Equal((PodAllocationMethod.CalicoBlock, 28, 4096), (v4.Allocation.Method, v4.Allocation.Mask, (int)v4.Allocation.NodeRanges));

        // 110 pods need ceil(110 / 16) = 7 blocks of /28, so 4,096 blocks admit 585 nodes.
        Assert.Equal(585, (int)v4.Nodes);
    }

    [Theory]
    [InlineData("19")]
    [InlineData("33")]
    [InlineData("big")]
    public void A_blockSize_Calico_rejects_leaves_the_default(string blockSize)
    {
        var plan = Plan($"apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata: {{name: v4}}\nspec:\n  cidr: 10.244.0.0/16\n  blockSize: {blockSize}\n", path: "pool.yaml");

        Assert.Equal(26, plan.Family(IpFamily.IPv4).Pods!.Allocation.Mask);
    }
}
