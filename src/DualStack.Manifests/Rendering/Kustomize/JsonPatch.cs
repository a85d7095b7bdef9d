using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Rendering.Kustomize;

/// <summary>
/// Applies RFC 6902 JSON patch operations (<c>patchesJson6902</c>, or <c>patches:</c> whose content is a list of
/// operations) onto a copy of the target object: <c>add</c>, <c>replace</c> and <c>remove</c>, which is what
/// kustomizations use to change fields; <c>move</c>, <c>copy</c> and <c>test</c> are reported as not applied.
/// </summary>
public static class JsonPatch
{
    /// <summary>True when the document is a list of operations rather than a partial object.</summary>
    public static bool IsOperationList(YamlNode root) =>
        root is YamlSequenceNode sequence && sequence.Children.Count > 0 &&
        sequence.Children.All(c => c is YamlMappingNode m && m.Children.Keys.Any(k => k is YamlScalarNode { Value: "op" }));

    /// <returns>Problems with operations that were not applied (unknown path, unsupported op), one sentence each.</returns>
    public static IReadOnlyList<string> Apply(YamlMappingNode target, YamlSequenceNode operations, OriginMap origins)
    {
        var problems = new List<string>();
        foreach (var operation in operations.Children.OfType<YamlMappingNode>())
        {
            var op = Text(operation, "op");
            var path = Text(operation, "path") ?? string.Empty;
            if (op is not ("add" or "replace" or "remove"))
            {
                problems.Add($"operation \"{op}\" at \"{path}\" is not applied (only add, replace and remove are)");
                continue;
            }

            var segments = path.Split('/').Skip(1).Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToList();
            if (segments.Count == 0 || Parent(target, segments) is not { } parent)
            {
                problems.Add($"{op} at \"{path}\": the path does not exist in the target");
                continue;
            }

            var value = GetValue(operation);
            var last = segments[segments.Count - 1];
            var pathNode = operation.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: "path" }).Value;
            if (!Apply(parent, last, op!, value is null ? null : origins.Clone(value), pathNode is null ? null : origins.Get(pathNode), origins))
            {
                problems.Add($"{op} at \"{path}\": the path does not exist in the target");
            }
        }

        return problems;
    }

    private static bool Apply(YamlNode parent, string last, string op, YamlNode? value, NodeOrigin? pathOrigin, OriginMap origins)
    {
        if (parent is YamlMappingNode mapping)
        {
            var key = mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == last);
            switch (op)
            {
                case "remove" or "replace" when key is null:
                    return false;
                case "remove":
                    mapping.Children.Remove(key!);
                    return true;
                default:
                    if (value is null)
                    {
                        return false;
                    }

                    if (key is null)
                    {
                        // A key the operation adds was written as the last segment of its path.
                        var newKey = new YamlScalarNode(last);
                        if (pathOrigin is not null)
                        {
                            origins.Add(newKey, pathOrigin);
                        }

                        mapping.Children.Add(newKey, value);
                    }
                    else
                    {
                        mapping.Children[key] = value;
                    }

                    return true;
            }
        }

        if (parent is YamlSequenceNode sequence)
        {
            var count = sequence.Children.Count;
            var index = last == "-" ? count : int.TryParse(last, out var i) ? i : -1;
            if (index < 0 || index > count || (op != "add" && index == count))
            {
                return false;
            }

            if (op == "remove")
            {
                sequence.Children.RemoveAt(index);
            }
            else if (value is null)
            {
                return false;
            }
            else if (op == "add")
            {
                sequence.Children.Insert(index, value);
            }
            else
            {
                sequence.Children[index] = value;
            }

            return true;
        }

        return false;
    }

    private static YamlNode? Parent(YamlNode root, List<string> segments)
    {
        var node = root;
        foreach (var segment in segments.Take(segments.Count - 1))
        {
            node = node switch
            {
                YamlMappingNode m => m.Children.FirstOrDefault(p => p.Key is YamlScalarNode s && s.Value == segment).Value,
                YamlSequenceNode q when int.TryParse(segment, out var i) && i >= 0 && i < q.Children.Count => q.Children[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static YamlNode? GetValue(YamlMappingNode operation) =>
        operation.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: "value" }).Value;

    private static string? Text(YamlMappingNode node, string key) =>
        (node.Children.FirstOrDefault(p => p.Key is YamlScalarNode s && s.Value == key).Value as YamlScalarNode)?.Value;
}
