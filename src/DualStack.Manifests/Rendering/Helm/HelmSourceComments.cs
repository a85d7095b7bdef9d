using DualStack.Manifests.Yaml;

namespace DualStack.Manifests.Rendering.Helm;

/// <summary>
/// Finds the <c># Source: CHART/templates/FILE.yaml</c> comments <c>helm template</c> writes at the top of each
/// document it renders, and the lines of the document each one covers. A document without such a comment (text
/// before the first one, a document added by hand) belongs to no template.
/// </summary>
public static class HelmSourceComments
{
    public const string Marker = "# Source: ";

    public static IReadOnlyList<RenderedSection> Find(string text)
    {
        var sections = new List<RenderedSection>();
        if (text.IndexOf(Marker, StringComparison.Ordinal) < 0)
        {
            return sections;
        }

        foreach (var chunk in DocumentChunker.Split(text))
        {
            var lines = chunk.Text.Split('\n');
            var count = lines.Length - (chunk.Text.EndsWith("\n", StringComparison.Ordinal) ? 1 : 0);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                if (line.StartsWith(Marker, StringComparison.Ordinal))
                {
                    var path = line.Substring(Marker.Length).Trim();
                    sections.Add(new RenderedSection(chunk.LineOffset + 1, chunk.LineOffset + Math.Max(count, 1), path, chunk.LineOffset + i + 1, Marker.Length + 1));
                    break;
                }

                // The comment comes before the document's content; one further down is part of the content.
                if (line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal) && line != "---")
                {
                    break;
                }
            }
        }

        return sections;
    }
}
