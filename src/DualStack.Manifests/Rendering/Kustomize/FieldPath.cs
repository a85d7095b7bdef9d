using System.Text;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Rendering.Kustomize;

/// <summary>Follows a finding's field path (<c>spec.ports[0].port</c>, <c>metadata.annotations[a.b/c]</c>) in a document.</summary>
public static class FieldPath
{
    /// <summary>True when the document sets the field (or, for a path into a list, the list).</summary>
    public static bool Exists(YamlNode root, string field)
    {
        YamlNode? node = root;
        foreach (var segment in Segments(field))
        {
            if (node is YamlSequenceNode sequence)
            {
                // A patch item is matched to the base's by its merge key, not its index; the list being set is enough.
                if (int.TryParse(segment, out var index))
                {
                    node = index < sequence.Children.Count ? sequence.Children[index] : sequence;
                    continue;
                }

                return true;
            }

            node = node.Get(segment);
            if (node is null)
            {
                return false;
            }
        }

        return true;
    }

    public static IEnumerable<string> Segments(string field)
    {
        var current = new StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (c == '.')
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                }

                current.Clear();
            }
            else if (c == '[')
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                }

                current.Clear();
                var close = field.IndexOf(']', i + 1);
                close = close < 0 ? field.Length : close;
                yield return field.Substring(i + 1, close - i - 1);
                i = close;
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
