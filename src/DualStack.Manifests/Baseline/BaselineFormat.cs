using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Baseline;

/// <summary>
/// The baseline file: JSON, versioned, one entry per line in a fixed order, so a rewrite after fixing one finding is a
/// one-line diff and two people adding entries rarely conflict:
/// <code>
/// {
///   "tool": "dslint",
///   "baselineVersion": 1,
///   "findings": [
///     { "ruleId": "DS2005", "file": "k8s/web.yaml", "object": "Service/shop/web", "field": "spec.ipFamilyPolicy", "count": 1 }
///   ]
/// }
/// </code>
/// It is read with YamlDotNet, which every front end already carries (JSON is YAML), and checked field by field; no
/// JSON library is needed in the engine or the MSBuild task.
/// </summary>
public static class BaselineFormat
{
    public const int Version = 1;

    private const string Tool = "dslint";

    /// <summary>The file's text for these entries (sorted here), with LF line ends and a final newline.</summary>
    public static string Write(IEnumerable<BaselineEntry> entries)
    {
        var sorted = entries.ToList();
        sorted.Sort((a, b) => BaselineKey.Compare(a.Key, b.Key));
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"tool\": \"").Append(Tool).Append("\",\n");
        text.Append("  \"baselineVersion\": ").Append(Version.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        text.Append("  \"findings\": [");
        for (var i = 0; i < sorted.Count; i++)
        {
            var e = sorted[i];
            text.Append(i == 0 ? "\n" : ",\n");
            text.Append("    { \"ruleId\": ").Append(Quote(e.RuleId))
                .Append(", \"file\": ").Append(Quote(e.File))
                .Append(", \"object\": ").Append(Quote(e.Object))
                .Append(", \"field\": ").Append(Quote(e.Field))
                .Append(", \"count\": ").Append(e.Count.ToString(CultureInfo.InvariantCulture)).Append(" }");
        }

        text.Append(sorted.Count == 0 ? "]\n" : "\n  ]\n");
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>The entries of a baseline file's text; <paramref name="name"/> names the file in the error messages.</summary>
    /// <exception cref="BaselineException">The text is not a dslint baseline of a version this dslint reads.</exception>
    public static IReadOnlyList<BaselineEntry> Parse(string text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(name, "the file is empty");
        }

        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
            {
                throw Invalid(name, "expected one JSON object");
            }

            root = stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            throw Invalid(name, $"line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}");
        }
        catch (Exception ex) when (ex is not (BaselineException or OutOfMemoryException))
        {
            throw Invalid(name, ex.Message);
        }

        if (root is not YamlMappingNode top)
        {
            throw Invalid(name, "expected a JSON object with \"tool\", \"baselineVersion\" and \"findings\"");
        }

        if (String(top, "tool") != Tool)
        {
            throw Invalid(name, "\"tool\" is not \"dslint\"; this is not a dslint baseline");
        }

        var version = Integer(top, "baselineVersion", name);
        if (version != Version)
        {
            throw new BaselineException(version > Version
                ? $"the baseline '{name}' has baselineVersion {version}, written by a newer dslint; this one reads version {Version}"
                : $"the baseline '{name}' has baselineVersion {version}; this dslint reads version {Version}");
        }

        if (Child(top, "findings") is not YamlSequenceNode findings)
        {
            throw Invalid(name, "\"findings\" is missing or not an array");
        }

        var entries = new List<BaselineEntry>();
        foreach (var item in findings)
        {
            entries.Add(Entry(item, name));
        }

        return entries;
    }

    private static BaselineEntry Entry(YamlNode node, string name)
    {
        var where = $"the entry at line {node.Start.Line}";
        if (node is not YamlMappingNode entry)
        {
            throw Invalid(name, where + " is not a JSON object");
        }

        var ruleId = String(entry, "ruleId");
        var file = String(entry, "file");
        if (string.IsNullOrEmpty(ruleId) || string.IsNullOrEmpty(file))
        {
            throw Invalid(name, where + " needs \"ruleId\" and \"file\" strings");
        }

        var count = Child(entry, "count") is null ? 1 : Integer(entry, "count", name);
        if (count < 1)
        {
            throw Invalid(name, where + " has a \"count\" below 1");
        }

        return new BaselineEntry(ruleId!, file!, String(entry, "object"), String(entry, "field"), count);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    // A JSON string, or null for JSON null / a missing key. Plain scalars other than null (numbers, true) are kept as text.
    private static string? String(YamlMappingNode map, string key) =>
        Child(map, key) is YamlScalarNode scalar && !(scalar.Style == ScalarStyle.Plain && scalar.Value == "null") ? scalar.Value : null;

    private static int Integer(YamlMappingNode map, string key, string name) =>
        Child(map, key) is YamlScalarNode { Style: ScalarStyle.Plain } scalar
        && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, $"\"{key}\" is missing or not a whole number");

    private static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ' || c == '\u007f' || c is '\u2028' or '\u2029')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    private static BaselineException Invalid(string name, string problem) =>
        new($"the baseline '{name}' is not a valid dslint baseline: {problem}");
}
