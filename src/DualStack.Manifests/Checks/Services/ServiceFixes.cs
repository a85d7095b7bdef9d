using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
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
    /// Sets <c>spec.ipFamilyPolicy</c>: a written key whose value holds no policy (empty, <c>null</c>, <c>~</c>,
    /// <c>{}</c>, <c>[]</c>) gets its value replaced, because inserting a line would write a second key; an omitted
    /// key is inserted as the spec's first entry.
    /// </summary>
    public static TextEdit? SetPolicy(ServiceSpec service, string value) =>
        service.PolicyKeyNode is { } key
            ? ReplaceEmptyValue(service.Object, key, service.PolicyValueNode, value)
            : InsertEntry(service.Object, service.Spec, "ipFamilyPolicy", value);

    /// <summary>
    /// Replaces what follows <c>key:</c> on the key's own line with <c> value</c>. Only for values that sit on that
    /// line: an empty or null plain scalar, or an empty flow collection. Null (no fix) for anything else: block
    /// collections spread over the following lines, anchors, tags and aliases (whose node may live elsewhere).
    /// </summary>
    private static TextEdit? ReplaceEmptyValue(KubeObject obj, YamlScalarNode key, YamlNode? valueNode, string value)
    {
        var text = obj.Document.File.Text;
        if (text is null || key.Style != ScalarStyle.Plain)
        {
            return null;
        }

        var keySpan = obj.Document.SpanOf(key);
        var colon = SkipBlanks(text, keySpan.Start + keySpan.Length);
        if (colon >= text.Length || text[colon] != ':')
        {
            return null;
        }

        var valueStart = SkipBlanks(text, colon + 1);
        if (valueStart < text.Length && text[valueStart] is '&' or '!' or '*')
        {
            return null;
        }

        int valueEnd;
        switch (valueNode)
        {
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or null }:
                valueEnd = valueStart;
                break;
            case YamlScalarNode scalar when scalar.IsNull() && obj.Document.SpanOf(scalar).Start == valueStart:
                valueEnd = valueStart + obj.Document.SpanOf(scalar).Length;
                break;
            case YamlMappingNode { Style: YamlDotNet.Core.Events.MappingStyle.Flow, Children.Count: 0 }
                when obj.Document.SpanOf(valueNode).Start == valueStart:
                valueEnd = ClosingBracket(text, valueStart, '{', '}');
                break;
            case YamlSequenceNode { Style: YamlDotNet.Core.Events.SequenceStyle.Flow, Children.Count: 0 }
                when obj.Document.SpanOf(valueNode).Start == valueStart:
                valueEnd = ClosingBracket(text, valueStart, '[', ']');
                break;
            default:
                return null;
        }

        // What follows the value must end it: the line end, a comment, or the flow collection the key sits in.
        if (valueEnd < 0)
        {
            return null;
        }

        var after = SkipBlanks(text, valueEnd);
        if (after < text.Length && text[after] is not ('\n' or '\r' or '#' or ',' or '}'))
        {
            return null;
        }

        return new TextEdit(colon + 1, valueEnd - colon - 1, " " + value, $"set {key.Value} to {value}");
    }

    private static int SkipBlanks(string text, int index)
    {
        while (index < text.Length && text[index] is ' ' or '\t')
        {
            index++;
        }

        return index;
    }

    // The index just past the closing bracket of an empty flow collection, or -1.
    private static int ClosingBracket(string text, int open, char opening, char closing)
    {
        if (open >= text.Length || text[open] != opening)
        {
            return -1;
        }

        var close = SkipBlanks(text, open + 1);
        return close < text.Length && text[close] == closing ? close + 1 : -1;
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

        // YAML breaks lines at LF, CRLF and a lone CR (old Mac files), so a line starts after either character.
        var lineStart = start == 0 ? 0 : Math.Max(text.LastIndexOf('\n', start - 1), text.LastIndexOf('\r', start - 1)) + 1;

        for (var i = lineStart; i < start; i++)
        {
            if (text[i] != ' ')
            {
                return null;
            }
        }

        var indent = new string(' ', start - lineStart);
        var newline = text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : text.IndexOf('\n') < 0 && text.IndexOf('\r') >= 0 ? "\r" : "\n";
        return new TextEdit(start, 0, $"{key}: {value}{newline}{indent}", $"insert \"{key}: {value}\"");
    }
}
