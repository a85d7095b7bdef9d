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
            var items = new List<CidrItem>();
            var index = 0;
            foreach (var child in sequence.Children)
            {
                var text = child.AsString();
                if (text is not null)
                {
                    var item = new ConfigValue(document, child, objectName, $"{field}[{index}]", text);
                    items.Add(new CidrItem(item, IpParser.TryParseCidrSloppy(text.Trim(), out var c) ? c : null, false));
                }

                index++;
            }

            return new CidrListSetting(role, validator, seqValue, items) { FlagName = flagName };
        }

        var value = node.AsString();
        if (value is null)
        {
            return null;
        }

        var whole = new ConfigValue(document, node!, objectName, field, value);
        return new CidrListSetting(role, validator, whole, SplitCidrs(whole, trims)) { FlagName = flagName };
    }

    /// <summary>A list the tool uses when the file does not set the key; reported at <paramref name="anchor"/>.</summary>
    public static CidrListSetting DefaultCidrList(
        LoadedDocument document, YamlNode anchor, string objectName, string field, string text, RangeRole role, RangeValidator validator, string flagName)
    {
        var whole = new ConfigValue(document, anchor, objectName, field, text, isDefault: true);
        return new CidrListSetting(role, validator, whole, SplitCidrs(whole, trims: true)) { FlagName = flagName };
    }

    public static List<CidrItem> SplitCidrs(ConfigValue whole, bool trims)
    {
        var items = new List<CidrItem>();
        foreach (var (text, offset) in Split(whole.Text))
        {
            var trimmed = text.Trim();
            var lead = text.Length - text.TrimStart().Length;
            var leadingSpace = !trims && lead > 0 && trimmed.Length > 0;
            var item = whole.Item(trims || leadingSpace ? trimmed : text, offset + lead);

            // Components that do not trim fail on " fd00::/108"; the item is still parsed so later checks see it.
            var parsed = IpParser.TryParseCidrSloppy(trims || leadingSpace ? trimmed : text, out var cidr) ? cidr : (IpCidr?)null;
            if (!trims && text != trimmed && !leadingSpace)
            {
                parsed = null;
            }

            items.Add(new CidrItem(item, parsed, leadingSpace));
        }

        return items;
    }

    /// <summary>A kubelet-style node IP list (items trimmed, as <c>ParseNodeIPArgument</c> does).</summary>
    public static NodeIpSetting? NodeIpList(LoadedDocument document, YamlNode? node, string objectName, string field)
    {
        var items = new List<IpSetting>();
        ConfigValue whole;
        if (node is YamlSequenceNode sequence)
        {
            whole = new ConfigValue(document, sequence, objectName, field, string.Empty);
            var index = 0;
            foreach (var child in sequence.Children)
            {
                if (child.AsString() is { } text)
                {
                    var item = new ConfigValue(document, child, objectName, $"{field}[{index}]", text.Trim());
                    items.Add(new IpSetting(item, IpParser.TryParseSloppy(text.Trim(), out var ip) ? ip : null));
                }

                index++;
            }
        }
        else
        {
            var value = node.AsString();
            if (value is null)
            {
                return null;
            }

            whole = new ConfigValue(document, node!, objectName, field, value);
            foreach (var (text, offset) in Split(value))
            {
                var trimmed = text.Trim();
                var item = whole.Item(trimmed, offset + (text.Length - text.TrimStart().Length));
                items.Add(new IpSetting(item, IpParser.TryParseSloppy(trimmed, out var ip) ? ip : null));
            }
        }

        return new NodeIpSetting(whole, items);
    }

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

            foreach (var (text, offset) in Split(value))
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
    public static void ReadMaxPods(ConfigDocument config, YamlNode node, string field, string text, int offset = 0)
    {
        if (TryInt(text, out var maxPods))
        {
            config.MaxPods = (maxPods, new ConfigValue(config.Document, node, config.ObjectName, field, text.Trim(), offset));
        }
    }

    /// <summary>Splits at commas, giving each part with its offset.</summary>
    public static IEnumerable<(string Text, int Offset)> Split(string value)
    {
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || value[i] == ',')
            {
                yield return (value.Substring(start, i - start), start);
                start = i + 1;
            }
        }
    }

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

        var value = new ConfigValue(document, node, objectName, field, text);
        if (!TryInt(text, out var mask))
        {
            masks.Unparsable.Add((value, flag));
        }
        else if (family == IpFamily.IPv4)
        {
            masks.IPv4 = (mask, value);
        }
        else
        {
            masks.IPv6 = (mask, value);
        }
    }
}
