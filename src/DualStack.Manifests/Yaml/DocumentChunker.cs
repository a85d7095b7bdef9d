namespace DualStack.Manifests.Yaml;

/// <summary>
/// A slice of a file's text holding at most one YAML document, with its place in the file. The slice is not copied:
/// <see cref="Reader"/> reads it in place (a copy of every document doubled the text a run allocates).
/// </summary>
/// <param name="Source">The whole text the chunk is part of.</param>
/// <param name="IndexOffset">Characters before the chunk in <paramref name="Source"/>.</param>
/// <param name="Length">The chunk's length in characters.</param>
/// <param name="LineOffset">Lines before the chunk in <paramref name="Source"/>.</param>
public readonly record struct DocumentChunk(string Source, int IndexOffset, int Length, int LineOffset)
{
    /// <summary>The offset just past the chunk in <see cref="Source"/>.</summary>
    public int End => IndexOffset + Length;

    /// <summary>The chunk's text, copied (for the rare paths that need a string of its own).</summary>
    public string Text => Source.Substring(IndexOffset, Length);

    /// <summary>A reader over the chunk's characters, without copying them.</summary>
    public TextReader Reader() => new SliceReader(Source, IndexOffset, End);

    /// <summary>True when <paramref name="value"/> occurs in the chunk.</summary>
    public bool Contains(string value) => Source.IndexOf(value, IndexOffset, Length, StringComparison.Ordinal) >= 0;
}

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
                yield return new DocumentChunk(text, start, position - start, startLine);
                start = position;
                startLine = line;
            }
            else if (IsMarker(text, position, "..."))
            {
                // The end marker closes the document; what follows belongs to the next one.
                yield return new DocumentChunk(text, start, position - start, startLine);
                start = next;
                startLine = line + 1;
            }

            position = next;
            line++;
        }

        if (start < text.Length)
        {
            yield return new DocumentChunk(text, start, text.Length - start, startLine);
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
            var (first, last) = Trimmed(text, lineStart, lineEnd < 0 ? end : lineEnd);
            if (first < last && text[first] == '%')
            {
                sawDirective = true;
            }
            else if (first < last && text[first] != '#')
            {
                return false;
            }

            lineStart = lineEnd < 0 ? end : lineEnd + 1;
        }

        return sawDirective;
    }

    // The bounds of text[start..end) without leading and trailing white space (as string.Trim() would leave it).
    private static (int First, int Last) Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
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
