namespace DualStack.Rules.Listening;

/// <summary>A variable set by a Dockerfile <c>ENV</c> instruction, with where its value starts in the file.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="ValueStart">The offset of the value's first character in the file text (inside quotes when quoted).</param>
/// <param name="Value">The value as written, without quotes.</param>
public sealed record DockerfileVariable(string Name, int ValueStart, string Value);

/// <summary>
/// The variables set by a Dockerfile's <c>ENV</c> instructions: <c>ENV A=1 B="2"</c> and the legacy
/// <c>ENV NAME value</c> (the rest of the line). Single-line instructions only; what it does not understand
/// (continuations, escapes inside quotes) is skipped rather than guessed.
/// </summary>
public static class DockerfileEnv
{
    /// <summary>Every variable set in <paramref name="text"/>, in order.</summary>
    public static IEnumerable<DockerfileVariable> Variables(string text)
    {
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            foreach (var variable in VariablesOfLine(text, lineStart, lineEnd))
            {
                yield return variable;
            }

            lineStart = lineEnd + 1;
        }
    }

    /// <summary>The variables of <paramref name="text"/> that carry listen URLs (<see cref="ListenVariables.AspNetCoreUrlVariables"/>).</summary>
    public static IEnumerable<DockerfileVariable> UrlVariables(string text) =>
        Variables(text).Where(v => ListenVariables.IsAspNetCoreUrlVariable(v.Name));

    private static IEnumerable<DockerfileVariable> VariablesOfLine(string text, int start, int end)
    {
        var i = SkipBlanks(text, start, end);
        if (end - i < 4 || string.Compare(text, i, "ENV", 0, 3, StringComparison.OrdinalIgnoreCase) != 0 || !char.IsWhiteSpace(text[i + 3]))
        {
            yield break;
        }

        i = SkipBlanks(text, i + 3, end);
        while (i < end)
        {
            var nameStart = i;
            while (i < end && !char.IsWhiteSpace(text[i]) && text[i] != '=')
            {
                i++;
            }

            var name = text.Substring(nameStart, i - nameStart);
            var legacyForm = i >= end || text[i] != '=';
            i = legacyForm ? SkipBlanks(text, i, end) : i + 1;
            var (valueStart, valueEnd, next) = ReadValue(text, i, end, legacyForm);
            if (name.Length > 0)
            {
                yield return new DockerfileVariable(name, valueStart, text.Substring(valueStart, valueEnd - valueStart));
            }

            if (legacyForm)
            {
                yield break;
            }

            i = SkipBlanks(text, next, end);
        }
    }

    // A value: quoted, up to whitespace, or (the legacy form) the rest of the line without its CR.
    private static (int Start, int End, int Next) ReadValue(string text, int i, int end, bool restOfLine)
    {
        if (i < end && (text[i] == '"' || text[i] == '\''))
        {
            var close = text.IndexOf(text[i], i + 1, end - i - 1);
            var stop = close < 0 ? end : close;
            return (i + 1, stop, Math.Min(end, stop + 1));
        }

        var j = i;
        while (j < end && (restOfLine ? text[j] != '\r' : !char.IsWhiteSpace(text[j])))
        {
            j++;
        }

        return (i, j, j);
    }

    private static int SkipBlanks(string text, int i, int end)
    {
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        return i;
    }
}
