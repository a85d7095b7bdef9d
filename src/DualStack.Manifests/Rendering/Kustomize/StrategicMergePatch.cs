using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Rendering.Kustomize;

/// <summary>
/// Applies a strategic-merge patch onto a copy of its base object, as <c>kubectl</c> and kustomize do for the fields
/// this linter reads: mappings merge key by key, <c>key: null</c> deletes, <c>$patch: replace|delete</c> directives,
/// and lists with a Kubernetes merge key (containers and env by <c>name</c>, Service ports by <c>port</c>, container
/// ports by <c>containerPort</c>, volume mounts by <c>mountPath</c>, …) merge item by item; other lists are replaced.
/// Patch nodes are copied in, so every node keeps its origin (base or patch).
/// </summary>
public static class StrategicMergePatch
{
    private const string Directive = "$patch";

    public static void Apply(YamlMappingNode target, YamlMappingNode patch, OriginMap origins) => MergeMapping(target, patch, origins, []);

    private static void MergeMapping(YamlMappingNode target, YamlMappingNode patch, OriginMap origins, IReadOnlyList<string> path)
    {
        foreach (var pair in patch.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { } key } || key.StartsWith("$", StringComparison.Ordinal))
            {
                continue;
            }

            var existingKey = target.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key);
            if (pair.Value is YamlScalarNode scalar && scalar.IsNull())
            {
                if (existingKey is not null)
                {
                    target.Children.Remove(existingKey);
                }

                continue;
            }

            var childPath = path.Append(key).ToArray();
            if (existingKey is null)
            {
                if (!IsDeleteDirective(pair.Value))
                {
                    target.Children.Add(pair.Key, origins.Clone(WithoutDirectives(pair.Value)));
                }

                continue;
            }

            var current = target.Children[existingKey];
            if (IsDeleteDirective(pair.Value))
            {
                target.Children.Remove(existingKey);
            }
            else if (current is YamlMappingNode currentMapping && pair.Value is YamlMappingNode patchMapping && !IsReplaceDirective(patchMapping))
            {
                MergeMapping(currentMapping, patchMapping, origins, childPath);
            }
            else if (current is YamlSequenceNode currentList && pair.Value is YamlSequenceNode patchList && MergeKey(childPath) is { } mergeKey)
            {
                MergeList(currentList, patchList, mergeKey, origins, childPath);
            }
            else
            {
                // The value set by the patch replaces the base's; the key stays the base's (where the field was written first).
                target.Children[existingKey] = origins.Clone(WithoutDirectives(pair.Value));
            }
        }
    }

    private static void MergeList(YamlSequenceNode target, YamlSequenceNode patch, string mergeKey, OriginMap origins, IReadOnlyList<string> path)
    {
        foreach (var item in patch.Children)
        {
            var keyValue = (item as YamlMappingNode).GetString(mergeKey);
            var existing = keyValue is null ? null : target.Children.OfType<YamlMappingNode>().FirstOrDefault(t => t.GetString(mergeKey) == keyValue);
            if (IsDeleteDirective(item))
            {
                if (existing is not null)
                {
                    target.Children.Remove(existing);
                }
            }
            else if (existing is not null && item is YamlMappingNode itemMapping)
            {
                MergeMapping(existing, itemMapping, origins, path);
            }
            else
            {
                target.Children.Add(origins.Clone(WithoutDirectives(item)));
            }
        }
    }

    /// <summary>The patch merge key of the list at <paramref name="path"/> (Kubernetes API types), or null to replace the list.</summary>
    public static string? MergeKey(IReadOnlyList<string> path)
    {
        var name = path[path.Count - 1];
        return name switch
        {
            "containers" or "initContainers" or "ephemeralContainers" or "env" or "volumes" or "imagePullSecrets" => "name",
            "volumeMounts" => "mountPath",
            "volumeDevices" => "devicePath",
            "hostAliases" => "ip",
            "ports" => path.Contains("containers") || path.Contains("initContainers") || path.Contains("ephemeralContainers") ? "containerPort" : "port",
            _ => null,
        };
    }

    private static bool IsDeleteDirective(YamlNode node) => node is YamlMappingNode m && m.GetString(Directive) == "delete";

    private static bool IsReplaceDirective(YamlMappingNode node) => node.GetString(Directive) == "replace";

    // Directives tell the merge what to do; they are not fields of the object.
    private static YamlNode WithoutDirectives(YamlNode node)
    {
        if (node is not YamlMappingNode mapping || !mapping.Children.Keys.Any(k => k is YamlScalarNode s && s.Value?.StartsWith("$", StringComparison.Ordinal) == true))
        {
            return node;
        }

        var copy = new YamlMappingNode();
        foreach (var pair in mapping.Children.Where(p => !(p.Key is YamlScalarNode s && s.Value?.StartsWith("$", StringComparison.Ordinal) == true)))
        {
            copy.Children.Add(pair.Key, pair.Value);
        }

        return copy;
    }
}
