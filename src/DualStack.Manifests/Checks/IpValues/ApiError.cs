using System.Text;

namespace DualStack.Manifests.Checks.IpValues;

/// <summary>
/// The API server's error texts (apimachinery <c>field.Error.Error()</c>): <c>path: Invalid value: "v": detail</c> and
/// friends, so a finding reads exactly like the 422 the user would get from <c>kubectl apply</c>.
/// </summary>
internal static class ApiError
{
    public static string Invalid(string path, string value, string detail) => $"{path}: Invalid value: {Quote(value)}: {detail}";

    /// <summary>An Invalid error whose value is not a string (a list or a struct): Go prints it as JSON.</summary>
    public static string InvalidJson(string path, string json, string detail) => $"{path}: Invalid value: {json}: {detail}";

    public static string Required(string path, string detail = "") =>
        detail.Length == 0 ? $"{path}: Required value" : $"{path}: Required value: {detail}";

    public static string Forbidden(string path, string detail) => $"{path}: Forbidden: {detail}";

    public static string NotSupported(string path, string value, IEnumerable<string> supported) =>
        $"{path}: Unsupported value: {Quote(value)}: supported values: {string.Join(", ", supported.Select(Quote))}";

    public static string TooMany(string path, int actual, int max) => $"{path}: Too many: {actual}: must have at most {max} items";

    /// <summary>A JSON array of strings, as Go's <c>json.Marshal</c> prints a <c>[]string</c>.</summary>
    public static string JsonArray(IEnumerable<string> values) => "[" + string.Join(",", values.Select(Quote)) + "]";

    /// <summary>Go's <c>%q</c> for the printable ASCII this engine quotes (backslash and quote escaped).</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }
}
