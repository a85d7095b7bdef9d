using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.IpValues;

/// <summary>The scalar items of a YAML sequence with their indexed field paths.</summary>
internal static class SequenceScalars
{
    /// <summary>The scalar items of a sequence with their indexed paths; other items (mappings, nested lists) are skipped.</summary>
    public static IEnumerable<(YamlScalarNode Node, string Path)> Of(YamlNode? sequence, string path)
    {
        var items = sequence.Items();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlScalarNode scalar)
            {
                yield return (scalar, $"{path}[{i}]");
            }
        }
    }
}
