using DualStack.Manifests.Checks.IpValues;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.ServiceCidr;

/// <summary>
/// DS2041: ServiceCIDR <c>spec.cidrs</c> (required, at most two, each <c>IsValidCIDR</c> — strict and canonical in
/// every version — and one per family) and IPAddress (name <c>IsValidIP</c>, strict and canonical; <c>spec.parentRef</c>
/// with resource and name). These are new-style fields: no legacy parsing, no version gate, so DS2050 never reports them.
/// </summary>
public sealed class DS2041ServiceCidrCheck : IObjectCheck
{
    private const string OnePerFamily = "may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64";

    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.InvalidServiceCIDR];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (obj.Is("networking.k8s.io", "ServiceCIDR"))
        {
            CheckServiceCidr(obj, context);
        }
        else if (obj.Is("networking.k8s.io", "IPAddress"))
        {
            CheckIpAddress(obj, context);
        }
    }

    private static void CheckServiceCidr(KubeObject obj, CheckContext context)
    {
        const string path = "spec.cidrs";
        var cidrsNode = obj.Spec.Get("cidrs");
        if (cidrsNode is not null and not YamlSequenceNode && !(cidrsNode is YamlScalarNode nullScalar && nullScalar.IsNull()))
        {
            return;
        }

        var items = cidrsNode.Items();
        if (items.Count == 0)
        {
            context.Report(Rules.RuleIds.InvalidServiceCIDR, obj, Holder(obj, "cidrs"), path,
                ApiError.Required("at least one CIDR required") + "; e.g. [\"10.96.0.0/16\", \"fd00:10:96::/112\"]");
            return;
        }

        var values = items.Select(i => i.AsString() ?? string.Empty).ToList();
        var json = "{\"cidrs\":" + ApiError.JsonArray(values) + "}";
        if (items.Count > 2)
        {
            context.Report(Rules.RuleIds.InvalidServiceCIDR, obj, items[2], path,
                ApiError.InvalidJson(json, "may only hold up to 2 values") + "; a ServiceCIDR holds one CIDR or one IPv4 and one IPv6 CIDR: split the rest into another ServiceCIDR");
            return;
        }

        var families = new List<IpFamily?>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var value = values[i];
            if (items[i] is not YamlScalarNode scalar)
            {
                families.Add(null);
                continue;
            }

            families.Add(IpParser.TryParseCidrSloppy(value, out var parsed) ? parsed.Family : null);
            if (KubernetesIpValidation.ValidateCidr(value) is { } detail)
            {
                var canonical = IpParser.CanonicalizeCidr(value);
                var fix = canonical is null ? null : ScalarEdit.Replace(obj.Document, scalar, value, canonical, $"replace \"{value}\" with \"{canonical}\"");
                var hint = canonical is null ? string.Empty : $"; use \"{canonical}\"";
                context.Report(Rules.RuleIds.InvalidServiceCIDR, obj, scalar, itemPath, ApiError.Invalid(value, detail) + hint, fix: fix);
            }
        }

        if (families.Count == 2 && families[0] is { } first && families[0] == families[1])
        {
            context.Report(Rules.RuleIds.InvalidServiceCIDR, obj, items[1], path,
                ApiError.InvalidJson(json, OnePerFamily) + $"; both are {first}");
        }
    }

    private static void CheckIpAddress(KubeObject obj, CheckContext context)
    {
        if (obj.Metadata.GetScalar("name") is { } nameNode && nameNode.AsString() is { Length: > 0 } name
            && KubernetesIpValidation.ValidateIp(name) is { } detail)
        {
            var canonical = IpParser.Canonicalize(name);
            var fix = canonical is null ? null : ScalarEdit.Replace(obj.Document, nameNode, name, canonical, $"replace \"{name}\" with \"{canonical}\"");
            var hint = canonical is null
                ? "; the name of an IPAddress is the IP it allocates"
                : $"; use \"{canonical}\"";
            context.Report(Rules.RuleIds.InvalidServiceCIDR, obj, nameNode, "metadata.name", ApiError.Invalid(name, detail) + hint, fix: fix);
        }

        var parentRef = obj.Spec.Get("parentRef");
        if (parentRef is not YamlMappingNode parent)
        {
            if (parentRef is null || (parentRef is YamlScalarNode scalar && scalar.IsNull()))
            {
                context.Report(Rules.RuleIds.InvalidServiceCIDR, obj, Holder(obj, "parentRef"), "spec.parentRef",
                    ApiError.Required() + "; name the object the IP is allocated to, e.g. {resource: services, namespace: default, name: web}");
            }

            return;
        }

        foreach (var key in new[] { "resource", "name" })
        {
            if (parent.GetString(key) is null or "")
            {
                var keyPath = "spec.parentRef." + key;
                context.Report(Rules.RuleIds.InvalidServiceCIDR, obj, parent.Get(key) ?? obj.Spec.GetKey("parentRef")!, keyPath, ApiError.Required());
            }
        }
    }

    // Where a missing spec field is reported: its key when present (empty), else the spec key, else the kind.
    private static YamlNode Holder(KubeObject obj, string key) =>
        (YamlNode?)obj.Spec.GetKey(key) ?? obj.Root.GetKey("spec") ?? obj.Root.GetKey("kind") ?? (YamlNode)obj.Root;
}
