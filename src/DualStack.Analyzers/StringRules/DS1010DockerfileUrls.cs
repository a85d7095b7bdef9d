namespace DualStack.Analyzers.StringRules;

/// <summary>
/// Listen-URL variables set by <c>ENV</c> instructions of a Dockerfile (<c>ENV ASPNETCORE_URLS=http://…</c>,
/// <c>ENV ASPNETCORE_URLS http://…</c>), with the offset of each value in the file. Single-line instructions only;
/// anything it does not understand is skipped.
/// </summary>
internal static class DS1010DockerfileUrls
{
    private static readonly string[] Variables = ["ASPNETCORE_URLS", "URLS", "DOTNET_URLS"];

    public static bool IsDockerfile(string path)
    {
        var name = System.IO.Path.GetFileName(path ?? string.Empty);
        return name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>(offset of the value in <paramref name="text"/>, value) for each URL variable.</summary>
    public static IEnumerable<(int Start, string Value)> Values(string text)
    {
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            foreach (var value in ValuesOfLine(text, lineStart, lineEnd))
            {
                yield return value;
            }

            lineStart = lineEnd + 1;
        }
    }

    private static IEnumerable<(int Start, string Value)> ValuesOfLine(string text, int start, int end)
    {
        var i = SkipSpaces(text, start, end);
        if (end - i < 4 || string.Compare(text, i, "ENV", 0, 3, StringComparison.OrdinalIgnoreCase) != 0 || !char.IsWhiteSpace(text[i + 3]))
        {
            yield break;
        }

        i = SkipSpaces(text, i + 3, end);
        while (i < end)
        {
            var keyStart = i;
            while (i < end && !char.IsWhiteSpace(text[i]) && text[i] != '=')
            {
                i++;
            }

            var key = text.Substring(keyStart, i - keyStart);
            var legacyForm = i >= end || text[i] != '=';
            i = legacyForm ? SkipSpaces(text, i, end) : i + 1;
            var (valueStart, valueEnd, next) = ReadValue(text, i, end, legacyForm);
            if (Array.IndexOf(Variables, key) >= 0 && valueEnd > valueStart)
            {
                yield return (valueStart, text.Substring(valueStart, valueEnd - valueStart));
            }

            if (legacyForm)
            {
                yield break;
            }

            i = SkipSpaces(text, next, end);
        }
    }

    /// <summary>A value: quoted, up to whitespace, or (the legacy <c>ENV KEY value</c> form) the rest of the line.</summary>
    private static (int Start, int End, int Next) ReadValue(string text, int i, int end, bool restOfLine)
    {
        if (i < end && (text[i] == '"' || text[i] == '\''))
        {
            var close = text.IndexOf(text[i], i + 1);
            var stop = close < 0 || close > end ? end : close;
            return (i + 1, stop, Math.Min(end, stop + 1));
        }

        var j = i;
        while (j < end && (restOfLine ? text[j] != '\r' : !char.IsWhiteSpace(text[j])))
        {
            j++;
        }

        return (i, j, j);
    }

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        return i;
    }
}
