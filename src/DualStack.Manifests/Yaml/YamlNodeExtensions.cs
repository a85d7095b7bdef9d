using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Yaml;

/// <summary>Small accessors so checks read YAML the way they read a Kubernetes object: by key, typed, null when absent.</summary>
public static class YamlNodeExtensions
{
    /// <summary>The value of a key of a mapping, or null when the node is not a mapping or lacks the key.</summary>
    public static YamlNode? Get(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            return null;
        }

        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The key node of an entry, for reporting "this key" rather than its value.</summary>
    public static YamlScalarNode? GetKey(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            return null;
        }

        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return scalar;
            }
        }

        return null;
    }

    public static YamlMappingNode? GetMapping(this YamlNode? node, string key) => node.Get(key) as YamlMappingNode;

    public static YamlSequenceNode? GetSequence(this YamlNode? node, string key) => node.Get(key) as YamlSequenceNode;

    public static YamlScalarNode? GetScalar(this YamlNode? node, string key) => node.Get(key) as YamlScalarNode;

    /// <summary>The text of a scalar value, or null when absent, not a scalar, or YAML null (<c>~</c>, <c>null</c>, empty plain).</summary>
    public static string? GetString(this YamlNode? node, string key) => node.Get(key).AsString();

    /// <summary>The text of a scalar node, or null for a non-scalar or a YAML null.</summary>
    public static string? AsString(this YamlNode? node)
    {
        if (node is not YamlScalarNode scalar || scalar.Value is null)
        {
            return null;
        }

        return IsNull(scalar) ? null : scalar.Value;
    }

    /// <summary>True for the plain scalars YAML reads as null.</summary>
    public static bool IsNull(this YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The items of a sequence (empty when absent or not a sequence).</summary>
    public static IReadOnlyList<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children.ToList() : Array.Empty<YamlNode>();
}
