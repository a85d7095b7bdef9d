using DualStack.Manifests.Kubernetes;
using DualStack.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// Text edits on a Service's spec that change only the bytes they must: a scalar value replaced in place (keeping its
/// quotes), or one new line inserted in a block mapping at the indentation of its keys.
/// </summary>
internal static class ServiceFixes
{
    /// <summary>Replaces a scalar value, keeping its quoting style; null for block scalars (| and &gt;).</summary>
    public static TextEdit? ReplaceScalar(KubeObject obj, YamlScalarNode node, string newValue)
    {
        var text = obj.Document.File.Text;
        if (text is null || node.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return null;
        }

        var span = obj.Document.SpanOf(node);
        var replacement = node.Style switch
        {
            ScalarStyle.DoubleQuoted => "\"" + newValue + "\"",
            ScalarStyle.SingleQuoted => "'" + newValue + "'",
            _ => newValue,
        };
        return new TextEdit(span.Start, span.Length, replacement, $"replace {node.Value} with {newValue}");
    }

    /// <summary>
    /// Inserts <c>key: value</c> as the first entry of a block mapping, on its own line at the indentation of the
    /// mapping's existing keys. Null for flow mappings (<c>{…}</c>), empty mappings, or a first key that does not start
    /// its line (the indentation would be a guess).
    /// </summary>
    public static TextEdit? InsertEntry(KubeObject obj, YamlMappingNode mapping, string key, string value)
    {
        var text = obj.Document.File.Text;
        if (text is null || mapping.Style == YamlDotNet.Core.Events.MappingStyle.Flow || mapping.Children.Count == 0)
        {
            return null;
        }

        var firstKey = mapping.Children[0].Key;
        var start = obj.Document.SpanOf(firstKey).Start;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start > 0 && text[start - 1] == '\n')
        {
            lineStart = start;
        }

        for (var i = lineStart; i < start; i++)
        {
            if (text[i] != ' ')
            {
                return null;
            }
        }

        var indent = new string(' ', start - lineStart);
        var newline = text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
        return new TextEdit(start, 0, $"{key}: {value}{newline}{indent}", $"insert \"{key}: {value}\"");
    }
}
