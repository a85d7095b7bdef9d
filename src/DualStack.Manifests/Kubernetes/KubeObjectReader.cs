using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Kubernetes;

/// <summary>
/// Recognises Kubernetes objects by <c>apiVersion</c> and <c>kind</c>, flattening <c>List</c> kinds
/// (<c>v1/List</c>, <c>ServiceList</c>, …) into their items. Anything else is not a Kubernetes object.
/// </summary>
public static class KubeObjectReader
{
    public static IEnumerable<KubeObject> Read(LoadedDocument document)
    {
        if (document.Root is not YamlMappingNode root || !TryGetTypeMeta(root, out var apiVersion, out var kind))
        {
            yield break;
        }

        if (kind.EndsWith("List", StringComparison.Ordinal) && root.Get("items") is YamlSequenceNode items)
        {
            foreach (var item in items.Children)
            {
                if (item is YamlMappingNode mapping && TryGetTypeMeta(mapping, out var itemApiVersion, out var itemKind))
                {
                    yield return new KubeObject(document, mapping, itemApiVersion, itemKind);
                }
            }

            yield break;
        }

        yield return new KubeObject(document, root, apiVersion, kind);
    }

    private static bool TryGetTypeMeta(YamlMappingNode node, out string apiVersion, out string kind)
    {
        apiVersion = node.GetString("apiVersion") ?? string.Empty;
        kind = node.GetString("kind") ?? string.Empty;
        return apiVersion.Length > 0 && kind.Length > 0;
    }
}
