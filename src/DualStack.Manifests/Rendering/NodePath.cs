using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Rendering;

/// <summary>A node of a document with its key path from the root (<c>spec</c>, <c>ports</c>, <c>[]</c>, <c>port</c>).</summary>
/// <param name="Path">Mapping keys, and <c>[]</c> for each sequence item on the way (the index does not matter to a template).</param>
/// <param name="IsKey">True for the key node of an entry, false for a value or sequence item.</param>
public sealed record NodePath(YamlNode Node, IReadOnlyList<string> Path, bool IsKey)
{
    public const string Item = "[]";

    /// <summary>
    /// The scalar values beside this node in its mapping (<c>name: ASPNETCORE_URLS</c> beside <c>value</c>): they tell
    /// apart sequence items that set the same key path.
    /// </summary>
    public IReadOnlyList<string> Siblings { get; init; } = [];

    /// <summary>The path with each sequence item's index (<c>spec</c>, <c>ports</c>, <c>0</c>, <c>port</c>).</summary>
    public IReadOnlyList<string> ExactPath { get; init; } = [];

    /// <summary>The node at <see cref="ExactPath"/> in another tree (the key node when this is a key), or null.</summary>
    public YamlNode? Follow(YamlNode root)
    {
        YamlNode? node = root;
        for (var i = 0; i < ExactPath.Count; i++)
        {
            var segment = ExactPath[i];
            var last = i == ExactPath.Count - 1;
            switch (node)
            {
                case YamlSequenceNode sequence when int.TryParse(segment, out var index) && index < sequence.Children.Count:
                    node = sequence.Children[index];
                    break;
                case YamlMappingNode mapping:
                    var pair = mapping.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == segment);
                    node = last && IsKey ? pair.Key : pair.Value;
                    break;
                default:
                    return null;
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The text of a scalar node, or null.</summary>
    public string? Scalar => (Node as YamlScalarNode)?.Value;

    /// <summary>
    /// The node that starts at <paramref name="line"/>:<paramref name="column"/> of <paramref name="document"/> (file
    /// coordinates), preferring a value over its key; else the last node that starts before that position.
    /// </summary>
    public static NodePath? At(LoadedDocument document, int line, int column)
    {
        NodePath? exact = null;
        NodePath? before = null;
        (int Line, int Column) beforeAt = (0, 0);
        foreach (var entry in Walk(document.Root))
        {
            var span = document.SpanOf(entry.Node);
            if (span.Line == line && span.Column == column && (exact is null || (exact.IsKey && !entry.IsKey)))
            {
                exact = entry;
            }
            else if ((span.Line < line || (span.Line == line && span.Column < column)) &&
                     (span.Line > beforeAt.Line || (span.Line == beforeAt.Line && span.Column >= beforeAt.Column)))
            {
                before = entry;
                beforeAt = (span.Line, span.Column);
            }
        }

        return exact ?? before;
    }

    /// <summary>Every node below <paramref name="root"/> with its path, keys included; bounded, so aliases cannot explode it.</summary>
    public static IEnumerable<NodePath> Walk(YamlNode root, int limit = 200_000)
    {
        var stack = new Stack<NodePath>();
        stack.Push(new NodePath(root, [], false));
        static string[] Extend(IReadOnlyList<string> path, string segment) => path.Append(segment).ToArray();
        var visited = 0;
        while (stack.Count > 0 && visited++ < limit)
        {
            var current = stack.Pop();
            yield return current;
            if (current.IsKey)
            {
                continue;
            }

            switch (current.Node)
            {
                case YamlMappingNode mapping:
                    var siblings = mapping.Children.Values.OfType<YamlScalarNode>().Select(v => v.Value ?? string.Empty).Where(v => v.Length > 0).ToArray();
                    foreach (var pair in mapping.Children.Reverse())
                    {
                        var key = (pair.Key as YamlScalarNode)?.Value ?? "?";
                        var path = current.Path.Append(key).ToArray();
                        var exact = Extend(current.ExactPath, key);
                        stack.Push(new NodePath(pair.Value, path, false) { Siblings = siblings, ExactPath = exact });
                        stack.Push(new NodePath(pair.Key, path, true) { Siblings = siblings, ExactPath = exact });
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = sequence.Children.Count - 1; i >= 0; i--)
                    {
                        stack.Push(new NodePath(sequence.Children[i], current.Path.Append(Item).ToArray(), false)
                        {
                            ExactPath = Extend(current.ExactPath, i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        });
                    }

                    break;
            }
        }
    }
}
