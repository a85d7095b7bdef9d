using DualStack.Manifests.Yaml;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>Turns YAML values of configuration files into located settings (CIDR lists, IP lists, single IPs).</summary>
internal static class ConfigReading
{
    /// <summary>
    /// A comma-separated CIDR list held by a scalar (or a YAML sequence of CIDRs). <paramref name="trims"/> says
    /// whether the tool trims spaces around items (kubeadm, kind and the components do not).
    /// </summary>
    public static CidrListSetting? CidrList(
        LoadedDocument document, YamlNode? node, string objectName, string field, RangeRole role, RangeValidator validator, string flagName, bool trims = false)
    {
        if (node is YamlSequenceNode sequence)
        {
            var seqValue = new ConfigValue(document, sequence, objectName, field, string.Empty);
            var children = StringChildren(sequence);
            var entries = DualStackList.ParseCidrSequence(children.Select(c => c.Text).ToList(), ListWhitespace.Trim);
            var cidrs = entries.Entries.Select((entry, i) => new CidrItem(
                new ConfigValue(document, children[i].Node, objectName, $"{field}[{children[i].Index}]", children[i].Text), entry.Cidr, false)).ToList();
            return new CidrListSetting(role, validator, seqValue, cidrs, entries) { FlagName = flagName };
        }

        var value = node.AsString();
        if (value is null)
        {
            return null;
        }

        return CidrList(new ConfigValue(document, node!, objectName, field, value), role, validator, flagName, trims);
    }

    /// <summary>A comma-separated CIDR list held by one value (a scalar, or a flag's value inside one).</summary>
    public static CidrListSetting CidrList(ConfigValue whole, RangeRole role, RangeValidator validator, string flagName, bool trims = false)
    {
        var (items, list) = SplitCidrs(whole, trims);
        return new CidrListSetting(role, validator, whole, items, list) { FlagName = flagName };
    }

    /// <summary>A list the tool uses when the file does not set the key; reported at <paramref name="anchor"/>.</summary>
    public static CidrListSetting DefaultCidrList(
        LoadedDocument document, YamlNode anchor, string objectName, string field, string text, RangeRole role, RangeValidator validator, string flagName)
    {
        return CidrList(new ConfigValue(document, anchor, objectName, field, text, isDefault: true), role, validator, flagName, trims: true);
    }

    /// <summary>
    /// A comma-separated CIDR list read with <see cref="DualStackList"/>. <paramref name="trims"/> says whether the tool
    /// trims spaces around items (kubeadm, kind and the components do not).
    /// </summary>
    public static (List<CidrItem> Items, DualStackListResult List) SplitCidrs(ConfigValue whole, bool trims)
    {
        var list = DualStackList.ParseCidrs(whole.Text, trims ? ListWhitespace.Trim : ListWhitespace.Strict);
        var items = new List<CidrItem>();
        foreach (var entry in list.Entries)
        {
            // " fd00::/108" fails in a tool that does not trim; the finding names it, and later checks see what was meant.
            if (entry.HasLeadingWhitespace && entry.Text.Trim().Length > 0)
            {
                var lead = entry.Text.Length - entry.Text.TrimStart().Length;
                items.Add(new CidrItem(whole.Item(entry.Text.Trim(), entry.Offset + lead), entry.TrimmedCidr, leadingSpace: true));
            }
            else
            {
                items.Add(new CidrItem(whole.Item(entry.Text, entry.Offset), entry.Cidr, leadingSpace: false));
            }
        }

        return (items, list);
    }

    /// <summary>A kubelet <c>--node-ip</c> list, read as <c>ParseNodeIPArgument</c> does (see <see cref="DualStackList.ParseNodeIps(string?)"/>).</summary>
    public static NodeIpSetting? NodeIpList(LoadedDocument document, YamlNode? node, string objectName, string field)
    {
        if (node is YamlSequenceNode sequence)
        {
            var whole = new ConfigValue(document, sequence, objectName, field, string.Empty);
            var children = StringChildren(sequence);
            var list = DualStackList.ParseNodeIpSequence(children.Select(c => c.Text).ToList());
            var items = list.Entries.Select((entry, i) => new IpSetting(
                new ConfigValue(document, children[i].Node, objectName, $"{field}[{children[i].Index}]", entry.Text), entry.Address)).ToList();
            return new NodeIpSetting(whole, items, list);
        }

        var value = node.AsString();
        if (value is null)
        {
            return null;
        }

        var scalar = new ConfigValue(document, node!, objectName, field, value);
        var parsed = DualStackList.ParseNodeIps(value);
        return new NodeIpSetting(scalar, parsed.Entries.Select(e => new IpSetting(scalar.Item(e.Text, e.Offset), e.Address)).ToList(), parsed);
    }

    /// <summary>The scalar items of a sequence with their positions in it (other items are skipped).</summary>
    private static List<(YamlNode Node, int Index, string Text)> StringChildren(YamlSequenceNode sequence) =>
        sequence.Children.Select((child, index) => (child, index, child.AsString()))
            .Where(c => c.Item3 is not null)
            .Select(c => (c.child, c.index, c.Item3!))
            .ToList();

    /// <summary>A kubelet <c>--node-ip</c> flag value, when set.</summary>
    public static NodeIpSetting? NodeIpList(ConfigValue? flag) =>
        flag is null ? null : NodeIpList(flag.Document, flag.Node, flag.ObjectName, flag.Field);

    /// <summary>A single IP flag value (DNS IP, advertise address), when set.</summary>
    public static IpSetting? Ip(ConfigValue? flag) => flag is null ? null : Ip(flag.Document, flag.Node, flag.ObjectName, flag.Field);

    /// <summary>A single IP value (DNS IP, advertise address).</summary>
    public static IpSetting? Ip(LoadedDocument document, YamlNode? node, string objectName, string field)
    {
        var value = node.AsString();
        if (value is null)
        {
            return null;
        }

        // A DNS list ("10.43.0.10,fd00:43::a") counts by its first entry, which kubelet gives pods first.
        var first = value.Split(',')[0];
        var item = new ConfigValue(document, node!, objectName, field, first.Trim(), first.Length - first.TrimStart().Length);
        return new IpSetting(item, IpParser.TryParseSloppy(first.Trim(), out var ip) ? ip : null);
    }

    /// <summary>Certificate names: a YAML list (or one comma-separated string) of IPs and DNS names, IPs parsed sloppily.</summary>
    public static void ReadSans(ConfigDocument config, YamlNode? node, string field)
    {
        var list = node is YamlSequenceNode;
        IReadOnlyList<YamlNode> children = list ? node.Items() : node is null ? Array.Empty<YamlNode>() : new[] { node };
        for (var index = 0; index < children.Count; index++)
        {
            if (children[index].AsString() is not { } value)
            {
                continue;
            }

            foreach (var (text, offset) in DualStackList.SplitEntries(value))
            {
                var trimmed = text.Trim();
                if (trimmed.Length > 0)
                {
                    var path = list ? $"{field}[{index}]" : field;
                    var item = new ConfigValue(config.Document, children[index], config.ObjectName, path, trimmed, offset + (text.Length - text.TrimStart().Length));
                    config.Sans.Add(new IpSetting(item, IpParser.TryParseSloppy(trimmed, out var ip) ? ip : null));
                }
            }
        }
    }

    /// <summary>kubelet's <c>max-pods</c> value, when it is an integer.</summary>
    public static void ReadMaxPods(ConfigDocument config, ConfigValue? value)
    {
        if (value is not null && TryInt(value.Text, out var maxPods))
        {
            config.MaxPods = (maxPods, new ConfigValue(value.Document, value.Node, value.ObjectName, value.Field, value.Text.Trim(), value.Offset));
        }
    }

    /// <summary>
    /// The document of a format recognised by its keys: the root mapping when the document has no apiVersion and no
    /// kind (a Kubernetes-style object is recognised by those instead), else null.
    /// </summary>
    public static YamlMappingNode? PlainMapping(LoadedDocument document) =>
        document.Root is YamlMappingNode root && root.Get("kind") is null && root.Get("apiVersion") is null ? root : null;

    /// <summary>An integer-valued flag ("24", 24).</summary>
    public static bool TryInt(string? text, out int value) =>
        int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);

    /// <summary>Reads a node mask flag value into <paramref name="masks"/>.</summary>
    public static void ReadMask(NodeMaskSetting masks, LoadedDocument document, YamlNode? node, string objectName, string field, string flag, IpFamily family)
    {
        if (node?.AsString() is not { } text)
        {
            return;
        }

        masks.Set(family, new ConfigValue(document, node, objectName, field, text), flag);
    }
}
