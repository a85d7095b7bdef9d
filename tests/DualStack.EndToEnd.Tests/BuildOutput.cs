using System.Text.RegularExpressions;

namespace DualStack.EndToEnd.Tests;

/// <summary>One diagnostic line of MSBuild output: <c>path(line,col[,endLine,endCol]): warning ID: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),(?<col>\d+)(?:[,-]\d+)*\): (?<sev>warning|error) (?<id>DS\d{4}): (?<msg>.*?)(?: \[[^\]]+\])?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>The distinct DualStack diagnostics of a build's output (MSBuild repeats them in its summary), paths relative to <paramref name="root"/>.</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output, string root) =>
        Pattern.Matches(output)
            .Select(m => new BuildDiagnostic(
                Relative(root, m.Groups["file"].Value.Trim()),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["sev"].Value,
                m.Groups["id"].Value,
                m.Groups["msg"].Value))
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    // The compiler prints paths as it was given them (relative to the project); MSBuild's summary prints full paths.
    private static string Relative(string root, string file) =>
        Path.GetRelativePath(root, Path.IsPathRooted(file) ? file : Path.Combine(root, file)).Replace('\\', '/');

    /// <summary>Compact form for assertions: <c>file(line,col): severity ID</c>.</summary>
    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}";
}
