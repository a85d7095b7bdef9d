using System.Globalization;
using System.Text;

namespace DualStack.Manifests.Checks;

/// <summary>
/// The API server's error texts (apimachinery <c>field.Error.Error()</c>, <c>util/validation/field/errors.go</c>):
/// <c>Invalid value: "v": detail</c> and friends, so a finding reads like the 422 the user would get from
/// <c>kubectl apply</c>. The field path the API server prints first is the finding's own field, printed beside the
/// message, so the message does not say it again. A string value is printed with Go's <c>%q</c>; any other value (a list, a struct) as
/// <c>json.Marshal</c> prints it. The one helper every object rule uses.
/// </summary>
internal static class ApiError
{
    public static string Invalid(string? value, string detail) => $"Invalid value: {Quote(value)}: {detail}";

    /// <summary>An Invalid error whose value is a <c>[]string</c> (<c>spec.clusterIPs</c>): JSON, <c>["a","b"]</c>.</summary>
    public static string Invalid(IEnumerable<string> values, string detail) => InvalidJson(JsonArray(values), detail);

    /// <summary>An Invalid error whose value is neither a string nor a list of strings: <paramref name="json"/> as marshalled.</summary>
    public static string InvalidJson(string json, string detail) => $"Invalid value: {json}: {detail}";

    public static string Required(string detail = "") => detail.Length == 0 ? "Required value" : $"Required value: {detail}";

    public static string Forbidden(string detail) => $"Forbidden: {detail}";

    public static string Duplicate(string? value) => $"Duplicate value: {Quote(value)}";

    public static string NotSupported(string? value, IEnumerable<string> supported) =>
        $"Unsupported value: {Quote(value)}: supported values: {string.Join(", ", supported.Select(s => Quote(s)))}";

    public static string TooMany(int actual, int max) =>
        $"Too many: {actual.ToString(CultureInfo.InvariantCulture)}: must have at most {max.ToString(CultureInfo.InvariantCulture)} {(max == 1 ? "item" : "items")}";

    /// <summary>A <c>[]string</c> as <c>json.Marshal</c> prints it: <c>["a","b"]</c>.</summary>
    public static string JsonArray(IEnumerable<string> values) => "[" + string.Join(",", values.Select(JsonString)) + "]";

    /// <summary>Go's <c>strconv.Quote</c> (<c>%q</c>): printable runes as they are, the rest escaped.</summary>
    public static string Quote(string? value)
    {
        var text = value ?? string.Empty;
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            switch (c)
            {
                case '"': builder.Append("\\\""); continue;
                case '\\': builder.Append("\\\\"); continue;
                case '\a': builder.Append("\\a"); continue;
                case '\b': builder.Append("\\b"); continue;
                case '\f': builder.Append("\\f"); continue;
                case '\n': builder.Append("\\n"); continue;
                case '\r': builder.Append("\\r"); continue;
                case '\t': builder.Append("\\t"); continue;
                case '\v': builder.Append("\\v"); continue;
            }

            if (IsGoPrintable(text, i))
            {
                builder.Append(c);
                if (pair)
                {
                    builder.Append(text[++i]);
                }
            }
            else if (c < ' ' || c == '\u007f')
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (pair)
            {
                builder.Append("\\U").Append(char.ConvertToUtf32(c, text[++i]).ToString("x8", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A string as <c>encoding/json</c> marshals it (HTML-safe escaping, as apimachinery uses).</summary>
    public static string JsonString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    private static bool IsGoPrintable(string text, int index)
    {
        if (text[index] == ' ')
        {
            return true;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(text, index))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return false;
            default:
                return true;
        }
    }
}
