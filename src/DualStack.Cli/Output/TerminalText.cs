using System.Globalization;
using System.Text;

namespace DualStack.Cli.Output;

/// <summary>
/// Makes text from the inputs (messages quoting YAML values, file names, object names) safe to print on a terminal or
/// in a CI log: control characters are written as visible escapes, so a manifest cannot move the cursor, rewrite a
/// line with CR, ring the bell or start a line that a CI runner reads as a command (<c>::error::</c> after a newline).
/// </summary>
internal static class TerminalText
{
    public static string Escape(string text)
    {
        if (!NeedsEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\u001b' => @"\e",
                '\a' => @"\a",
                < '\u0100' => string.Create(CultureInfo.InvariantCulture, $@"\x{(int)c:X2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:X4}"),
            });
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    // C0 and C1 controls and DEL (char.IsControl), Unicode line and paragraph separators, and the bidirectional
    // overrides and isolates that make a terminal show text in another order than it is ("Trojan Source").
    private static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
