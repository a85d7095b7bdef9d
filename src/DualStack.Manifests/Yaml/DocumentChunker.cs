namespace DualStack.Manifests.Yaml;

/// <summary>A slice of a file holding at most one YAML document, with its place in the file.</summary>
public readonly record struct DocumentChunk(string Text, int LineOffset, int IndexOffset);

/// <summary>Cuts a multi-document YAML text at the document markers <c>---</c> and <c>...</c> found at column 1.</summary>
public static class DocumentChunker
{
    public static IEnumerable<DocumentChunk> Split(string text)
    {
        var start = 0;
        var startLine = 0;
        var line = 0;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var next = end < 0 ? text.Length : end + 1;
            if (IsMarker(text, position, "---") && position > start && !OnlyDirectives(text, start, position))
            {
                yield return new DocumentChunk(text.Substring(start, position - start), startLine, start);
                start = position;
                startLine = line;
            }
            else if (IsMarker(text, position, "..."))
            {
                // The end marker closes the document; what follows belongs to the next one.
                yield return new DocumentChunk(text.Substring(start, position - start), startLine, start);
                start = next;
                startLine = line + 1;
            }

            position = next;
            line++;
        }

        if (start < text.Length)
        {
            yield return new DocumentChunk(text.Substring(start), startLine, start);
        }
    }

    // "%YAML 1.2" and "%TAG" directives belong to the document their "---" starts; cutting there would leave them alone.
    private static bool OnlyDirectives(string text, int start, int end)
    {
        var sawDirective = false;
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = text.IndexOf('\n', lineStart, end - lineStart);
            var line = text.Substring(lineStart, (lineEnd < 0 ? end : lineEnd) - lineStart).Trim();
            if (line.StartsWith("%", StringComparison.Ordinal))
            {
                sawDirective = true;
            }
            else if (line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal))
            {
                return false;
            }

            lineStart = lineEnd < 0 ? end : lineEnd + 1;
        }

        return sawDirective;
    }

    private static bool IsMarker(string text, int position, string marker)
    {
        if (string.CompareOrdinal(text, position, marker, 0, marker.Length) != 0)
        {
            return false;
        }

        var after = position + marker.Length;
        return after >= text.Length || text[after] is ' ' or '\t' or '\r' or '\n';
    }
}
