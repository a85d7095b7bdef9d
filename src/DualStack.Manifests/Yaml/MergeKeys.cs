using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Yaml;

/// <summary>
/// Applies YAML merge keys (<c>&lt;&lt;: *defaults</c>), which the API server's YAML decoder honours and YamlDotNet's
/// node model does not: the entries of the merged mappings are added to the mapping unless it already has the key
/// (explicit keys win; among several sources, the first wins), and the <c>&lt;&lt;</c> entry is removed, so checks
/// see the object as Kubernetes does. Merged values keep the positions of their definition.
/// </summary>
internal static class MergeKeys
{
    private const string MergeKey = "<<";

    public static void Resolve(YamlNode root)
    {
        // Sources must be resolved before the mappings that merge them; an anchor is complete before any alias to
        // it, so the order in which nodes complete (post-order) is enough.
        foreach (var mapping in PostOrderMappings(root))
        {
            var merge = mapping.Children.FirstOrDefault(e => IsMergeKey(e.Key));
            if (merge.Key is null)
            {
                continue;
            }

            var sources = merge.Value switch
            {
                YamlMappingNode single => [single],
                YamlSequenceNode list => list.Children.OfType<YamlMappingNode>().ToList(),
                _ => new List<YamlMappingNode>(),
            };

            mapping.Children.Remove(merge.Key);
            foreach (var source in sources)
            {
                foreach (var entry in source.Children.ToList())
                {
                    if (!IsMergeKey(entry.Key) && !mapping.Children.ContainsKey(entry.Key))
                    {
                        mapping.Children.Add(entry.Key, entry.Value);
                    }
                }
            }
        }
    }

    private static bool IsMergeKey(YamlNode key) =>
        key is YamlScalarNode { Value: MergeKey, Style: ScalarStyle.Plain or ScalarStyle.Any };

    private static List<YamlMappingNode> PostOrderMappings(YamlNode root)
    {
        var result = new List<YamlMappingNode>();
        var seen = new HashSet<YamlNode>(YamlWalker.ReferenceComparer.Instance);
        var stack = new Stack<(YamlNode Node, bool ChildrenDone)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, childrenDone) = stack.Pop();
            if (childrenDone)
            {
                if (node is YamlMappingNode done)
                {
                    result.Add(done);
                }

                continue;
            }

            if (!seen.Add(node))
            {
                continue;
            }

            stack.Push((node, true));
            var children = node switch
            {
                YamlMappingNode m => m.Children.SelectMany(e => new[] { e.Key, e.Value }),
                YamlSequenceNode s => s.Children,
                _ => [],
            };
            foreach (var child in children.Reverse())
            {
                stack.Push((child, false));
            }
        }

        return result;
    }
}
