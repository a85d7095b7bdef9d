using DualStack.Manifests.Yaml;
using DualStack.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.IpValues;

/// <summary>
/// Builds fixes that replace a scalar's text in place: only the characters of the value inside its quotes change, so
/// quoting, comments and layout stay byte-for-byte as they were.
/// </summary>
internal static class ScalarEdit
{
    /// <summary>
    /// Replaces <paramref name="part"/> (the whole value, or the trimmed part of it) of <paramref name="scalar"/> with
    /// <paramref name="replacement"/>; null when the text in the file cannot be matched safely (escapes, block scalars).
    /// </summary>
    /// <param name="at">Where <paramref name="part"/> starts in the value, when known (items of a comma list); else its first occurrence.</param>
    public static TextEdit? Replace(LoadedDocument document, YamlScalarNode scalar, string part, string replacement, string description, int? at = null)
    {
        var text = document.File.Text;
        var span = document.SpanOf(scalar);
        if (text is null || scalar.Value is null || span.Start < 0 || span.Length <= 0 || span.Start + span.Length > text.Length)
        {
            return null;
        }

        var raw = text.Substring(span.Start, span.Length);
        int contentStart;
        string content;
        switch (scalar.Style)
        {
            case ScalarStyle.Plain:
                contentStart = span.Start;
                content = raw;
                break;
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted when raw.Length >= 2:
                contentStart = span.Start + 1;
                content = raw.Substring(1, raw.Length - 2);
                break;
            default:
                return null;
        }

        // The file text must hold the value literally (no escapes, no line folding), or an offset would be a guess.
        if (content != scalar.Value)
        {
            return null;
        }

        var index = at ?? content.IndexOf(part, StringComparison.Ordinal);
        return index < 0 || part.Length == 0 || index + part.Length > content.Length || content.Substring(index, part.Length) != part
            ? null
            : new TextEdit(contentStart + index, part.Length, replacement, description);
    }
}
