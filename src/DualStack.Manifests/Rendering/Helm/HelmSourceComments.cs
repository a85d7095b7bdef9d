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
            // The lines of the chunk as Split('\n') gives them (the count leaves out the empty one after a final
            // newline); only the lines up to the comment or the first content are read.
            var count = LineCount(chunk);
            var lineStart = chunk.IndexOffset;
            for (var i = 0; ; i++)
            {
                var newline = lineStart < chunk.End ? text.IndexOf('\n', lineStart, chunk.End - lineStart) : -1;
                var lineEnd = newline < 0 ? chunk.End : newline;
                var line = text.Substring(lineStart, lineEnd - lineStart).TrimEnd('\r');
                if (line.StartsWith(Marker, StringComparison.Ordinal))
                {
                    var path = line.Substring(Marker.Length).Trim();
                    sections.Add(new RenderedSection(chunk.LineOffset + 1, chunk.LineOffset + Math.Max(count, 1), path, chunk.LineOffset + i + 1, Marker.Length + 1));
                    break;
                }

                // The comment comes before the document's content; one further down is part of the content.
                if ((line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal) && line != "---") || newline < 0)
                {
                    break;
                }

                lineStart = newline + 1;
            }
        }

        return sections;
    }

    // The lines of a chunk: its newlines, plus one for a last line without a newline.
    private static int LineCount(DocumentChunk chunk)
    {
        var count = 0;
        var at = chunk.IndexOffset;
        while (at < chunk.End && chunk.Source.IndexOf('\n', at, chunk.End - at) is var newline and >= 0)
        {
            count++;
            at = newline + 1;
        }

        return at < chunk.End ? count + 1 : count;
    }
}
