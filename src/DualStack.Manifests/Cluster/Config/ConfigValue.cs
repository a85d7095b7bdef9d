using DualStack.Manifests.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>
/// A value of a cluster configuration file with where it came from: the document, the YAML node, the key path and,
/// for an item of a comma-separated string, the item's offset inside the scalar. Defaults the tool applies when the
/// key is absent are values too (<see cref="IsDefault"/>); they point at the node that makes them apply.
/// </summary>
public sealed class ConfigValue
{
    public ConfigValue(LoadedDocument document, YamlNode node, string objectName, string field, string text, int offset = 0, bool isDefault = false)
    {
        Document = document;
        Node = node;
        ObjectName = objectName;
        Field = field;
        Text = text;
        Offset = offset;
        IsDefault = isDefault;
    }

    public LoadedDocument Document { get; }

    /// <summary>The scalar holding the value, or for a default the node that makes the default apply.</summary>
    public YamlNode Node { get; }

    /// <summary>The configuration kind, e.g. <c>MicroK8sLaunchConfiguration</c>, <c>kubeadm ClusterConfiguration</c>.</summary>
    public string ObjectName { get; }

    /// <summary>The key path in the file, e.g. <c>networking.podSubnet</c>, <c>extraArgs[2].value</c>.</summary>
    public string Field { get; }

    /// <summary>The value (for an item, the item alone).</summary>
    public string Text { get; }

    /// <summary>Offset of <see cref="Text"/> inside the scalar's value (items of a comma-separated string).</summary>
    public int Offset { get; }

    /// <summary>True when the file does not hold the value and the tool's default applies.</summary>
    public bool IsDefault { get; }

    public string Path => Document.File.Path;

    /// <summary>An item of this scalar: the same node and field, a part of the text.</summary>
    public ConfigValue Item(string text, int offset) => new(Document, Node, ObjectName, Field, text, Offset + offset, IsDefault);

    /// <summary>Where to report: the item's own characters when they can be found in the file, else the node.</summary>
    public SourceSpan Span
    {
        get
        {
            var node = Document.SpanOf(Node);
            if (IsDefault || Node is not YamlScalarNode scalar || scalar.Value is null || (Text.Length == 0 && Offset == 0))
            {
                return node;
            }

            var fileText = Document.File.Text;
            if (fileText is null || node.Start < 0 || node.Start + node.Length > fileText.Length)
            {
                return node;
            }

            var raw = fileText.Substring(node.Start, node.Length);
            int start;
            var valueAt = scalar.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
                ? raw.IndexOf(scalar.Value, StringComparison.Ordinal)
                : -1;
            if (valueAt >= 0 && string.CompareOrdinal(raw, valueAt + Offset, Text, 0, Text.Length) == 0)
            {
                start = valueAt + Offset;
            }
            else
            {
                start = Text.Length == 0 ? -1 : raw.IndexOf(Text, StringComparison.Ordinal);
                if (start < 0)
                {
                    return node;
                }
            }

            return FileSpan(fileText, node.Start + start, Text.Length);
        }
    }

    /// <summary>A human reference for messages: <c>file:line (field)</c>, or the default's description.</summary>
    public string Describe() => IsDefault
        ? $"the default of {Field} in {Path}"
        : $"{Field} in {Path}:{Span.Line}";

    private static SourceSpan FileSpan(string text, int start, int length)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < start; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = start - lineStart + 1;
        return new SourceSpan(line, column, line, column + length, start, length);
    }
}
