using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3010 on Calico <c>IPPool</c> (both <c>projectcalico.org/v3</c> and <c>crd.projectcalico.org/v1</c>, which
/// <c>kubectl apply</c> writes without Calico's validation) and on the operator's <c>Installation</c> pools, with the
/// messages of libcalico-go and the Tigera operator respectively; plus the pool against the cluster's pod range.
/// </summary>
public sealed class DS3010CalicoPoolCheck : IObjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.InvalidCalicoPool];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (CalicoReader.IsIPPool(obj))
        {
            CheckIPPool(obj, context);
        }
        else if (CalicoReader.IsInstallation(obj))
        {
            CalicoInstallationPools.Check(obj.Document, obj.Spec, obj.Reference, "spec.", context);
        }
    }

    private static void CheckIPPool(KubeObject obj, CheckContext context)
    {
        var spec = obj.Spec;
        var config = CalicoReader.ReadIPPool(obj);
        var setting = config.Ranges.FirstOrDefault();
        if (setting is null)
        {
            context.Report(Rules.RuleIds.InvalidCalicoPool, obj, (YamlNode?)obj.Root.GetKey("spec") ?? obj.Root, "spec.cidr", "IPPool CIDR must be specified");
            return;
        }

        if (setting.Items.Count != 1 || setting.Items[0].Cidr is not { } cidr)
        {
            return; // DS3001 reports unparsable values.
        }

        var item = setting.Items[0].Value;
        if (cidr.HasHostBits)
        {
            context.Report(Rules.RuleIds.InvalidCalicoPool, item, $"IPPool CIDR is not strictly masked: \"{item.Text}\"; write \"{cidr}\"");
        }

        var blockNode = spec.Get("blockSize");
        var block = cidr.Family == IpFamily.IPv4 ? 26 : 122;
        if (blockNode.AsString() is { } blockText)
        {
            if (!ConfigReading.TryInt(blockText, out block) || !BlockInRange(cidr.Family, block))
            {
                context.Report(Rules.RuleIds.InvalidCalicoPool, obj, blockNode!, "spec.blockSize", cidr.Family == IpFamily.IPv4
                    ? $"IPv4 block size must be between 20 and 32 (got {blockText})"
                    : $"IPv6 block size must be between 116 and 128 (got {blockText})");
                return;
            }
        }

        if (spec.GetString("disabled") != "true" && cidr.FamilyPrefixLength > block)
        {
            context.Report(Rules.RuleIds.InvalidCalicoPool, item,
                $"IP pool size is too small for use with Calico IPAM. It must be equal to or greater than the block size: pool /{cidr.FamilyPrefixLength} is smaller than a /{block} block");
        }

        var ipip = spec.GetString("ipipMode") ?? spec.Get("ipip").GetString("mode");
        var ipipNode = (YamlNode?)spec.Get("ipipMode") ?? spec.Get("ipip").Get("mode");
        var vxlan = spec.GetString("vxlanMode");
        var ipipOn = ipip is "Always" or "CrossSubnet";
        if (cidr.Family == IpFamily.IPv6 && ipipOn)
        {
            context.Report(Rules.RuleIds.InvalidCalicoPool, obj, ipipNode!, spec.Get("ipipMode") is not null ? "spec.ipipMode" : "spec.ipip.mode",
                $"IPIP is not supported on an IPv6 IP pool (ipipMode \"{ipip}\"); use vxlanMode for IPv6 encapsulation");
        }
        else if (ipipOn && vxlan is "Always" or "CrossSubnet")
        {
            context.Report(Rules.RuleIds.InvalidCalicoPool, obj, spec.Get("vxlanMode")!, "spec.vxlanMode",
                $"Cannot enable both VXLAN and IPIP on the same IPPool (ipipMode \"{ipip}\", vxlanMode \"{vxlan}\")");
        }

        if (setting.ForPods)
        {
            CalicoInstallationPools.CheckInsidePodRange(cidr, item, context, operatorWording: false);
        }
    }

    internal static bool BlockInRange(IpFamily family, int block) =>
        family == IpFamily.IPv4 ? block is >= 20 and <= 32 : block is >= 116 and <= 128;
}

/// <summary>The operator's pool validation (<c>pkg/controller/ippool/validation.go</c>), for Installation and Helm values.</summary>
public sealed class CalicoInstallationPools : IDocumentCheck
{
    private static readonly string[] Encapsulations = ["IPIP", "IPIPCrossSubnet", "VXLAN", "VXLANCrossSubnet", "None"];

    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.InvalidCalicoPool];

    /// <summary>tigera-operator Helm values (no apiVersion/kind); Installation objects go through <see cref="DS3010CalicoPoolCheck"/>.</summary>
    public void Check(LoadedDocument document, CheckContext context)
    {
        if (CalicoReader.IsHelmValues(document))
        {
            Check(document, document.Root.Get("installation"), CalicoReader.HelmValuesName, "installation.", context);
        }
    }

    internal static void Check(LoadedDocument document, YamlNode? spec, string objectName, string path, CheckContext context)
    {
        var seen = new List<IpCidr>();
        var index = 0;
        foreach (var pool in spec.Get("calicoNetwork").Get("ipPools").Items())
        {
            var prefix = $"{path}calicoNetwork.ipPools[{index}].";
            index++;
            var cidrNode = pool.Get("cidr");
            if (cidrNode.AsString() is not { } text)
            {
                context.Report(Rules.RuleIds.InvalidCalicoPool, document, pool, objectName, prefix + "cidr", "IP pool CIDR is required: every ipPools entry needs a cidr");
                continue;
            }

            if (!IpParser.TryParseCidrSloppy(text, out var cidr))
            {
                continue; // DS3001
            }

            var item = new ConfigValue(document, cidrNode!, objectName, prefix + "cidr", text);
            if (seen.Contains(cidr.Masked))
            {
                context.Report(Rules.RuleIds.InvalidCalicoPool, item, $"IP pool {cidr} is specified more than once");
            }

            seen.Add(cidr.Masked);
            if (cidr.HasHostBits)
            {
                context.Report(Rules.RuleIds.InvalidCalicoPool, item, $"IP pool CIDR ({text}) is invalid: it is not strictly masked; write \"{cidr}\"");
            }

            var block = cidr.Family == IpFamily.IPv4 ? 26 : 122;
            if (pool.Get("blockSize") is { } blockNode && blockNode.AsString() is { } blockText)
            {
                if (!ConfigReading.TryInt(blockText, out block) || !DS3010CalicoPoolCheck.BlockInRange(cidr.Family, block))
                {
                    context.Report(Rules.RuleIds.InvalidCalicoPool, document, blockNode, objectName, prefix + "blockSize", cidr.Family == IpFamily.IPv4
                        ? $"IPv4 pool block size must be greater than 19 and less than or equal to 32 (got {blockText})"
                        : $"IPv6 pool block size must be greater than 115 and less than or equal to 128 (got {blockText})");
                    continue;
                }
            }

            if (cidr.FamilyPrefixLength > block)
            {
                context.Report(Rules.RuleIds.InvalidCalicoPool, item,
                    $"IP pool size is too small. It must be equal to or greater than the block size: pool /{cidr.FamilyPrefixLength} is smaller than a /{block} block");
            }

            if (pool.Get("encapsulation") is { } encNode && encNode.AsString() is { } encapsulation)
            {
                if (!Encapsulations.Contains(encapsulation))
                {
                    context.Report(Rules.RuleIds.InvalidCalicoPool, document, encNode, objectName, prefix + "encapsulation",
                        $"{encapsulation} is invalid for ipPool.encapsulation, should be one of {string.Join(",", Encapsulations)}");
                }
                else if (cidr.Family == IpFamily.IPv6 && encapsulation.StartsWith("IPIP", StringComparison.Ordinal))
                {
                    context.Report(Rules.RuleIds.InvalidCalicoPool, document, encNode, objectName, prefix + "encapsulation",
                        $"IPIP encapsulation is not supported by IPv6 pools, but it is set for {cidr}; use VXLAN or None");
                }
            }

            if (pool.Get("natOutgoing") is { } natNode && natNode.AsString() is { } nat && nat is not ("Enabled" or "Disabled"))
            {
                context.Report(Rules.RuleIds.InvalidCalicoPool, document, natNode, objectName, prefix + "natOutgoing",
                    $"{nat} is invalid for natOutgoing, should be one of Enabled,Disabled");
            }

            CheckInsidePodRange(cidr, item, context, operatorWording: true);
        }
    }

    /// <summary>A pod pool should lie inside the cluster's pod range of its family (kube-proxy and the operator expect it).</summary>
    internal static void CheckInsidePodRange(IpCidr cidr, ConfigValue item, CheckContext context, bool operatorWording)
    {
        var pods = context.Cluster.PodCidrs.Where(p => p.Cidr.Family == cidr.Family).ToList();
        if (pods.Count == 0 || pods.Any(p => p.Cidr.Contains(cidr)))
        {
            return;
        }

        var podText = string.Join(",", pods.Select(p => p.Cidr.ToString()));
        var message = operatorWording
            ? $"IPPool {cidr} is not within the platform's configured pod network CIDR(s) {podText} ({pods[0].Source.Describe()})"
            : $"IPPool CIDR {cidr} is not within the cluster's pod range {podText} ({pods[0].Source.Describe()}); kube-proxy treats pod traffic from it as external";
        context.Report(Rules.RuleIds.InvalidCalicoPool, item, message, Severity.Warning);
    }
}
