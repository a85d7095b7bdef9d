using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>
/// Reads Calico pools: <c>IPPool</c> of <c>projectcalico.org/v3</c> and <c>crd.projectcalico.org/v1</c>, the operator's
/// <c>Installation</c> (<c>spec.calicoNetwork.ipPools</c>) and tigera-operator Helm values (<c>installation.calicoNetwork.ipPools</c>).
/// </summary>
public static class CalicoReader
{
    public const string HelmValuesName = "tigera-operator Helm values";

    public static bool IsIPPool(KubeObject obj) =>
        obj.Kind == "IPPool" && obj.Group is "projectcalico.org" or "crd.projectcalico.org";

    public static bool IsInstallation(KubeObject obj) => obj.Kind == "Installation" && obj.Group == "operator.tigera.io";

    /// <summary>Helm values of the tigera-operator chart: no apiVersion/kind and an <c>installation</c> map holding <c>calicoNetwork</c> or <c>cni</c>.</summary>
    public static bool IsHelmValues(LoadedDocument document) =>
        ConfigReading.PlainMapping(document).Get("installation") is YamlMappingNode installation
        && (installation.Get("calicoNetwork") is not null || installation.Get("cni") is not null);

    public static ConfigDocument ReadIPPool(KubeObject obj)
    {
        var config = new ConfigDocument(ConfigFormat.CalicoIPPool, obj.Document, obj.Reference);
        var spec = obj.Spec;
        var lb = spec.GetSequence("allowedUses") is { } uses && uses.Children.Count > 0
            && uses.Children.All(u => u.AsString() == "LoadBalancer");
        if (ConfigReading.CidrList(obj.Document, spec.Get("cidr"), obj.Reference, "spec.cidr", RangeRole.CalicoPool, RangeValidator.Calico, "cidr") is { } cidr)
        {
            config.Ranges.Add(cidr.With(allowsPair: false, forPods: !lb, blockSize: BlockSize(obj.Document, spec, obj.Reference, "spec.")));
        }

        return config;
    }

    private static ConfigValue? BlockSize(LoadedDocument document, YamlNode? pool, string objectName, string prefix) =>
        pool.Get("blockSize") is { } node && node.AsString() is { } text
            ? new ConfigValue(document, node, objectName, prefix + "blockSize", text)
            : null;

    /// <summary>The pools of an Installation spec (or the Helm values' <c>installation</c> map).</summary>
    public static ConfigDocument ReadInstallation(LoadedDocument document, YamlNode? spec, string objectName, string path)
    {
        var config = new ConfigDocument(ConfigFormat.CalicoInstallation, document, objectName);
        var index = 0;
        foreach (var pool in spec.Get("calicoNetwork").Get("ipPools").Items())
        {
            var field = $"{path}calicoNetwork.ipPools[{index}].cidr";
            if (ConfigReading.CidrList(document, pool.Get("cidr"), objectName, field, RangeRole.CalicoPool, RangeValidator.Calico, "cidr") is { } cidr)
            {
                config.Ranges.Add(cidr.With(allowsPair: false, blockSize: BlockSize(document, pool, objectName, $"{path}calicoNetwork.ipPools[{index}].")));
            }

            index++;
        }

        return config;
    }
}
