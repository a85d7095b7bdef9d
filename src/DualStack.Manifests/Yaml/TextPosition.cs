namespace DualStack.Manifests.Yaml;

/// <summary>1-based line and column of a character offset, counted the way YamlDotNet counts (one column per UTF-16 unit).</summary>
internal static class TextPosition
{
    public static (int Line, int Column) Of(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        var end = Math.Min(index, text.Length);
        for (var i = 0; i < end; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>The offset where the comment of the line starting at <paramref name="lineStart"/> begins, or the line's end.</summary>
    /// <remarks>
    /// YAML starts a comment at a <c>#</c> that opens the line or follows white space, outside quotes. Quotes are
    /// tracked within the line only: a quoted scalar spanning lines is rare in manifests, and a mistake here only
    /// affects template detection and suppression comments, never parsing.
    /// </remarks>
    public static int CommentStart(string text, int lineStart, int lineEnd)
    {
        var quote = '\0';
        for (var i = lineStart; i < lineEnd; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    if (quote == '\'' && i + 1 < lineEnd && text[i + 1] == '\'')
                    {
                        i++;
                    }
                    else
                    {
                        quote = '\0';
                    }
                }
                else if (c == '\\' && quote == '"')
                {
                    i++;
                }
            }
            else if (c == '#' && (i == lineStart || text[i - 1] is ' ' or '\t'))
            {
                return i;
            }
            else if ((c == '"' || c == '\'') && (i == lineStart || text[i - 1] is ' ' or '\t' or ':' or '[' or '{' or ',' or '-'))
            {
                // A quote only opens a quoted scalar at the start of a value; "it's" inside plain text does not.
                quote = c;
            }
        }

        return lineEnd;
    }

    /// <summary>The end of the line that starts at <paramref name="lineStart"/>, without its <c>\r\n</c> or <c>\n</c>.</summary>
    public static int LineEnd(string text, int lineStart, out int nextLineStart)
    {
        var newline = text.IndexOf('\n', lineStart);
        if (newline < 0)
        {
            nextLineStart = text.Length;
            return text.Length;
        }

        nextLineStart = newline + 1;
        return newline > lineStart && text[newline - 1] == '\r' ? newline - 1 : newline;
    }
}
