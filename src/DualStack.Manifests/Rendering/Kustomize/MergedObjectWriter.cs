using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Rendering.Kustomize;

/// <summary>
/// Writes a merged object (a base with its patches applied) as YAML text for the engine to lint, and remembers for
/// each written node where it came from, so a finding on the text can be moved back to the base or patch line that
/// wrote the field. Scalars keep their plain or quoted form where that is safe; anything unusual is written quoted.
/// </summary>
public sealed class MergedObjectWriter
{
    private static readonly Regex SafePlain = new(@"^[A-Za-z0-9_./@+=$%^~][A-Za-z0-9_./@+=$%^~:,\- ]*$", RegexOptions.CultureInvariant);

    private readonly StringBuilder _text = new();
    private readonly Dictionary<(int Line, int Column), YamlNode> _written = [];
    private int _line = 1;

    private MergedObjectWriter()
    {
    }

    public string Text => _text.ToString();

    /// <summary>The node written at a 1-based line and column of <see cref="Text"/>.</summary>
    public IReadOnlyDictionary<(int Line, int Column), YamlNode> Written => _written;

    public static MergedObjectWriter Write(YamlMappingNode root)
    {
        var writer = new MergedObjectWriter();
        writer.WriteMapping(root, 0, firstOnCurrentLine: false);
        return writer;
    }

    private void WriteMapping(YamlMappingNode mapping, int indent, bool firstOnCurrentLine)
    {
        var first = true;
        foreach (var pair in mapping.Children)
        {
            if (!(first && firstOnCurrentLine))
            {
                _text.Append(' ', indent);
            }

            if (first)
            {
                Record(mapping, indent + 1);
            }

            first = false;
            Record(pair.Key, indent + 1);
            _text.Append(Scalar(pair.Key as YamlScalarNode)).Append(':');
            WriteValue(pair.Value, indent);
        }

        if (first)
        {
            // An empty mapping as a sequence item.
            Record(mapping, indent + 1);
            _text.Append("{}");
            NewLine();
        }
    }

    private void WriteValue(YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlMappingNode { Children.Count: 0 }:
            case YamlSequenceNode { Children.Count: 0 }:
                _text.Append(' ');
                Record(value, CurrentColumn);
                _text.Append(value is YamlMappingNode ? "{}" : "[]");
                NewLine();
                break;
            case YamlMappingNode mapping:
                NewLine();
                WriteMapping(mapping, indent + 2, firstOnCurrentLine: false);
                break;
            case YamlSequenceNode sequence:
                // Items at the key's indentation, as kubectl writes them.
                NewLine();
                WriteSequence(sequence, indent);
                break;
            default:
                var scalar = Scalar(value as YamlScalarNode);
                if (scalar.Length > 0)
                {
                    _text.Append(' ');
                }

                Record(value, CurrentColumn);
                _text.Append(scalar);
                NewLine();
                break;
        }
    }

    private void WriteSequence(YamlSequenceNode sequence, int indent)
    {
        var first = true;
        foreach (var item in sequence.Children)
        {
            _text.Append(' ', indent).Append("- ");
            if (first)
            {
                Record(sequence, indent + 1);
                first = false;
            }

            switch (item)
            {
                case YamlMappingNode { Children.Count: > 0 } mapping:
                    WriteMapping(mapping, indent + 2, firstOnCurrentLine: true);
                    break;
                case YamlSequenceNode { Children.Count: > 0 } nested:
                    Record(nested, CurrentColumn);
                    NewLine();
                    WriteSequence(nested, indent + 2);
                    break;
                case YamlMappingNode or YamlSequenceNode:
                    Record(item, CurrentColumn);
                    _text.Append(item is YamlMappingNode ? "{}" : "[]");
                    NewLine();
                    break;
                default:
                    Record(item, CurrentColumn);
                    _text.Append(Scalar(item as YamlScalarNode));
                    NewLine();
                    break;
            }
        }
    }

    private int CurrentColumn
    {
        get
        {
            var lineStart = _text.Length;
            while (lineStart > 0 && _text[lineStart - 1] != '\n')
            {
                lineStart--;
            }

            return _text.Length - lineStart + 1;
        }
    }

    private void Record(YamlNode node, int column)
    {
        if (!_written.ContainsKey((_line, column)))
        {
            _written[(_line, column)] = node;
        }
    }

    private void NewLine()
    {
        _text.Append('\n');
        _line++;
    }

    // Plain when the original was plain and reads back the same; else double-quoted with JSON escapes (valid YAML).
    private static string Scalar(YamlScalarNode? scalar)
    {
        if (scalar is null)
        {
            return "\"?\"";
        }

        var value = scalar.Value ?? string.Empty;
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Tag.IsEmpty;
        if (plain && (value.Length == 0 || (SafePlain.IsMatch(value) && !value.EndsWith(" ", StringComparison.Ordinal) &&
                                            !value.Contains(": ") && !value.EndsWith(":", StringComparison.Ordinal))))
        {
            return value;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
