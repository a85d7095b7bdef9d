using System.Text;
using DualStack.Rules;

namespace DualStack.Build;

/// <summary>
/// Stores the findings of a lint run in obj/ so that a build whose manifests did not change (the lint target is
/// skipped by Inputs/Outputs) reports them again: warnings must not vanish on the second build.
/// One finding per line, tab-separated, with tabs, newlines and backslashes escaped.
/// </summary>
public static class FindingCache
{
    private const string Header = "# dualstack-lint findings v1";

    public static void Write(string path, IEnumerable<Finding> findings)
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var f in findings)
        {
            text.Append(string.Join("\t", new[]
            {
                f.RuleId,
                f.Severity.ToOutputName(),
                Escape(f.File),
                f.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                f.Column.ToString(System.Globalization.CultureInfo.InvariantCulture),
                f.EndLine.ToString(System.Globalization.CultureInfo.InvariantCulture),
                f.EndColumn.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Escape(f.Object ?? string.Empty),
                Escape(f.Field ?? string.Empty),
                Escape(f.Message),
            })).Append('\n');
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, text.ToString(), new UTF8Encoding(false));
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        File.Move(temp, path);
    }

    /// <summary>Reads the findings back; a missing or foreign file gives none.</summary>
    public static IReadOnlyList<Finding> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
        {
            return [];
        }

        var findings = new List<Finding>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length != 10 || !SeverityNames.TryParse(cells[1], out var severity) || !RuleCatalog.TryGet(cells[0], out _))
            {
                continue;
            }

            findings.Add(new Finding
            {
                RuleId = cells[0],
                Severity = severity,
                File = Unescape(cells[2]),
                Line = Int(cells[3]),
                Column = Int(cells[4]),
                EndLine = Int(cells[5]),
                EndColumn = Int(cells[6]),
                Object = NullIfEmpty(Unescape(cells[7])),
                Field = NullIfEmpty(Unescape(cells[8])),
                Message = Unescape(cells[9]),
            });
        }

        return findings;
    }

    private static int Int(string s) => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");

    private static string Unescape(string s)
    {
        var result = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
                result.Append(s[i] switch { 't' => '\t', 'r' => '\r', 'n' => '\n', _ => s[i] });
            }
            else
            {
                result.Append(s[i]);
            }
        }

        return result.ToString();
    }
}
