using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Rendering.Kustomize;

/// <summary>One entry of a kustomization that names a file, folder or inline patch, with the node it was written at.</summary>
/// <param name="Value">The path, or the inline patch text.</param>
/// <param name="IsInline">True for a patch written in the kustomization itself.</param>
/// <param name="Target">The <c>target:</c> selector of a patch, if any.</param>
public sealed record KustomizationEntry(string Value, YamlNode Node, bool IsInline, YamlMappingNode? Target = null);

/// <summary>
/// A <c>kustomization.yaml</c> (also <c>.yml</c> and <c>Kustomization</c>) as far as linting needs it: its resources,
/// components and patches in every spelling kustomize accepts, and its <c>namespace</c>.
/// </summary>
public sealed class KustomizationFile
{
    public static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    private KustomizationFile(LoadedDocument document)
    {
        Document = document;
    }

    public LoadedDocument Document { get; }

    public string? Namespace { get; private set; }

    public List<KustomizationEntry> Resources { get; } = [];

    public List<KustomizationEntry> StrategicMergePatches { get; } = [];

    /// <summary><c>patches:</c> entries: strategic merge or JSON 6902, decided by their content.</summary>
    public List<KustomizationEntry> Patches { get; } = [];

    public List<KustomizationEntry> Json6902Patches { get; } = [];

    public static bool IsKustomizationName(string path) => FileNames.Contains(Path.GetFileName(path), StringComparer.Ordinal);

    /// <summary>Reads the kustomization of a loaded file, or null when its first document is not a mapping.</summary>
    public static KustomizationFile? Read(LoadedFile file)
    {
        if (file.Documents.Count == 0 || file.Documents[0].Root is not YamlMappingNode root)
        {
            return null;
        }

        var result = new KustomizationFile(file.Documents[0]) { Namespace = root.GetString("namespace") };
        foreach (var key in new[] { "resources", "bases", "components" })
        {
            result.Resources.AddRange(root.Get(key).Items().OfType<YamlScalarNode>().Where(s => !string.IsNullOrEmpty(s.Value))
                .Select(s => new KustomizationEntry(s.Value!, s, IsInline: false)));
        }

        foreach (var item in root.Get("patchesStrategicMerge").Items().OfType<YamlScalarNode>())
        {
            // An entry is a file path, or a patch written inline (it holds a newline or a colon followed by a space).
            if (item.Value is { Length: > 0 } value)
            {
                var inline = value.IndexOf('\n') >= 0 || value.IndexOf(": ", StringComparison.Ordinal) >= 0;
                result.StrategicMergePatches.Add(new KustomizationEntry(value, item, inline));
            }
        }

        AddPatches(root.Get("patches"), result.Patches);
        AddPatches(root.Get("patchesJson6902"), result.Json6902Patches);
        return result;
    }

    private static void AddPatches(YamlNode? list, List<KustomizationEntry> into)
    {
        foreach (var item in list.Items().OfType<YamlMappingNode>())
        {
            var target = item.GetMapping("target");
            if (item.GetScalar("path") is { Value.Length: > 0 } path)
            {
                into.Add(new KustomizationEntry(path.Value!, path, IsInline: false, target));
            }
            else if (item.GetScalar("patch") is { Value.Length: > 0 } patch)
            {
                into.Add(new KustomizationEntry(patch.Value!, patch, IsInline: true, target));
            }
        }
    }
}
