using System.Text.RegularExpressions;
using DualStack.Rules;

namespace DualStack.Manifests.Suppression;

/// <summary>The parts every suppression shares: a list of rule IDs and a reason, and what makes them malformed.</summary>
internal static class SuppressionSyntax
{
    public const string Annotation = "dualstack-lint.io/ignore";
    public const string NextLine = "dslint-disable-next-line";
    public const string File = "dslint-disable-file";

    // IDs separated by commas (spaces allowed around them); what follows is the reason.
    private static readonly Regex IdList = new(@"^(?<ids>[A-Za-z]+[0-9]+(?:\s*,\s*[A-Za-z]+[0-9]+)*)(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>Splits <c>DS2005, DS2010 reason</c>; null when the text does not start with an ID.</summary>
    public static (IReadOnlyList<string> Ids, string Remainder)? SplitIds(string text)
    {
        var match = IdList.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var ids = match.Groups["ids"].Value.Split(',').Select(id => id.Trim()).ToList();
        return (ids, match.Groups["rest"].Value);
    }

    /// <summary>
    /// The first problem with the IDs (unknown, or one that only editorconfig may turn off), or null; the IDs are
    /// replaced by the catalog's spelling (the catalog matches IDs regardless of case, as editorconfig does).
    /// </summary>
    public static string? CheckIds(IReadOnlyList<string> ids, string where, out IReadOnlyList<string> canonical)
    {
        var result = new List<string>();
        canonical = result;
        foreach (var written in ids)
        {
            if (!RuleCatalog.TryGet(written, out var rule))
            {
                return $"unknown rule ID \"{written}\"{where}; rule IDs are written like DS2005 (see the rules/ folder)";
            }

            var id = rule.Id;
            result.Add(id);

            // These two are about suppressions themselves: a comment cannot sensibly silence them.
            if (id is RuleIds.MalformedSuppression or RuleIds.UnusedSuppression)
            {
                return $"{id} cannot be suppressed{where}; set dotnet_diagnostic.{id}.severity = none in .editorconfig instead";
            }
        }

        return null;
    }
}
