namespace DualStack.Analyzers.Json;

/// <summary>Finds the string values at property paths (keys compared ignoring case, as .NET configuration does).</summary>
internal static class JsonPaths
{
    /// <summary>
    /// The string values reached by any of <paramref name="paths"/> from <paramref name="root"/>; a step equal to
    /// <paramref name="anyProperty"/> matches every property of an object.
    /// </summary>
    public static IEnumerable<JsonNode> StringValues(JsonNode? root, IEnumerable<IReadOnlyList<string>> paths, string anyProperty)
    {
        if (root is null)
        {
            yield break;
        }

        foreach (var path in paths)
        {
            foreach (var node in Walk(root, path, 0, anyProperty))
            {
                if (node.Kind == JsonNodeKind.String)
                {
                    yield return node;
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Walk(JsonNode node, IReadOnlyList<string> path, int step, string anyProperty)
    {
        if (step == path.Count)
        {
            yield return node;
            yield break;
        }

        if (node.Kind != JsonNodeKind.Object)
        {
            yield break;
        }

        if (path[step] == anyProperty)
        {
            foreach (var property in node.Properties)
            {
                foreach (var found in Walk(property.Value, path, step + 1, anyProperty))
                {
                    yield return found;
                }
            }
        }
        else if (node.Get(path[step]) is { } child)
        {
            foreach (var found in Walk(child, path, step + 1, anyProperty))
            {
                yield return found;
            }
        }
    }
}
