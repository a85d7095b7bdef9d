namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// The API server's error sentences (<c>field.Error.Error()</c>), so a finding reads exactly like the
/// <c>kubectl apply</c> rejection the user would otherwise get: <c>spec.clusterIPs[1]: Invalid value: "x": detail</c>.
/// </summary>
internal static class ApiErrors
{
    public static string Invalid(string path, string? value, string detail) => $"{path}: Invalid value: {Quote(value)}: {detail}";

    public static string Invalid(string path, IReadOnlyList<string> values, string detail) =>
        $"{path}: Invalid value: [{string.Join(", ", values.Select(Quote))}]: {detail}";

    public static string NotSupported(string path, string? value, params string[] supported) =>
        $"{path}: Unsupported value: {Quote(value)}: supported values: {string.Join(", ", supported.Select(Quote))}";

    public static string Duplicate(string path, string? value) => $"{path}: Duplicate value: {Quote(value)}";

    public static string Forbidden(string path, string detail) => $"{path}: Forbidden: {detail}";

    public static string Required(string path, string detail) => $"{path}: Required value: {detail}";

    public static string Quote(string? value) => "\"" + (value ?? string.Empty).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
