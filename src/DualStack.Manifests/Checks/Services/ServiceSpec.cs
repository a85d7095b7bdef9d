using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Services;

/// <summary>One entry of a string list field: its value (null items read as "", as Go decodes them) and its node.</summary>
internal readonly record struct ListItem(string Value, YamlNode Node, int Index);

/// <summary>
/// The dual-stack fields of a v1 Service, read once and defaulted the way the API server does before validation:
/// <c>type</c> defaults to ClusterIP, and on create <c>clusterIPs</c> is filled from <c>clusterIP</c> when it is empty
/// (<c>NormalizeClusterIPs</c>). Values of the wrong YAML type are treated as absent: the API server would reject them
/// while decoding, before any of these rules.
/// </summary>
internal sealed class ServiceSpec
{
    public const string None = "None";

    private ServiceSpec(KubeObject obj, YamlMappingNode spec, bool strictIpValidation)
    {
        Object = obj;
        StrictIpValidation = strictIpValidation;
        Spec = spec;
        Type = spec.GetString("type") is { Length: > 0 } type ? type : "ClusterIP";
        ClusterIPNode = spec.GetScalar("clusterIP");
        ClusterIP = spec.GetString("clusterIP") ?? string.Empty;
        ClusterIPsNode = spec.GetSequence("clusterIPs");
        var clusterIPs = ReadList(ClusterIPsNode);
        ClusterIPsFromClusterIP = clusterIPs.Count == 0 && ClusterIP.Length > 0 && ClusterIPNode is not null;
        ClusterIPs = ClusterIPsFromClusterIP ? [new ListItem(ClusterIP, ClusterIPNode!, 0)] : clusterIPs;
        IpFamiliesNode = spec.GetSequence("ipFamilies");
        IpFamilies = ReadList(IpFamiliesNode);
        PolicyKeyNode = spec.GetKey("ipFamilyPolicy");
        PolicyValueNode = spec.Get("ipFamilyPolicy");
        PolicyNode = PolicyValueNode as YamlScalarNode;
        Policy = PolicyNode.AsString();
        var selector = spec.GetMapping("selector");
        SelectorNode = selector;
        HasSelector = selector is not null && selector.Children.Count > 0;
    }

    public KubeObject Object { get; }

    /// <summary>
    /// True when the target version rejects leading zeros and IPv4-mapped addresses (1.36+). Those values are DS2050's
    /// to report, but they still stop the checks that upstream skips after an invalid IP.
    /// </summary>
    public bool StrictIpValidation { get; }

    public YamlMappingNode Spec { get; }

    public string Type { get; }

    public bool IsExternalName => Type == "ExternalName";

    public YamlScalarNode? ClusterIPNode { get; }

    public string ClusterIP { get; }

    public YamlSequenceNode? ClusterIPsNode { get; }

    /// <summary>clusterIPs after normalisation: <c>[clusterIP]</c> when only clusterIP is written.</summary>
    public IReadOnlyList<ListItem> ClusterIPs { get; }

    /// <summary>True when <see cref="ClusterIPs"/> was filled from clusterIP (its node is the clusterIP value).</summary>
    public bool ClusterIPsFromClusterIP { get; }

    public YamlSequenceNode? IpFamiliesNode { get; }

    public IReadOnlyList<ListItem> IpFamilies { get; }

    public YamlScalarNode? PolicyNode { get; }

    /// <summary>The <c>ipFamilyPolicy</c> key when it is written, even with an empty, null or non-scalar value.</summary>
    public YamlScalarNode? PolicyKeyNode { get; }

    /// <summary>The value of a written <c>ipFamilyPolicy</c> key, whatever its type.</summary>
    public YamlNode? PolicyValueNode { get; }

    /// <summary>The written policy, or null when omitted (the API server defaults it during allocation).</summary>
    public string? Policy { get; }

    public YamlMappingNode? SelectorNode { get; }

    public bool HasSelector { get; }

    /// <summary>Headless as validation defines it: clusterIPs is exactly <c>["None"]</c>.</summary>
    public bool IsHeadless => ClusterIPs.Count == 1 && ClusterIPs[0].Value == None;

    /// <summary>The clusterIPs values as strings (for list-valued messages).</summary>
    public IReadOnlyList<string> ClusterIPValues => ClusterIPs.Select(i => i.Value).ToList();

    /// <summary>The node that stands for the whole clusterIPs field: the list, or the clusterIP value it came from.</summary>
    public YamlNode? ClusterIPsFieldNode => ClusterIPsFromClusterIP ? ClusterIPNode : ClusterIPsNode;

    /// <summary>The Service's spec, or null for other kinds and for a Service without a spec mapping.</summary>
    public static ServiceSpec? From(KubeObject obj, CheckContext context) =>
        obj.Kind == "Service" && obj.Group.Length == 0 && obj.Spec is { } spec
            ? new ServiceSpec(obj, spec, context.KubernetesVersion >= Rules.KubernetesVersion.StrictIpValidation)
            : null;

    private static IReadOnlyList<ListItem> ReadList(YamlSequenceNode? sequence)
    {
        if (sequence is null)
        {
            return [];
        }

        var items = new List<ListItem>();
        foreach (var node in sequence.Children)
        {
            items.Add(new ListItem(node.AsString() ?? string.Empty, node, items.Count));
        }

        return items;
    }
}
