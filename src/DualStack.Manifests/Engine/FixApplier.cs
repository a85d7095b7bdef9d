using DualStack.Rules;

namespace DualStack.Manifests.Engine;

/// <summary>
/// Applies the fixes of one file's findings to its text. Edits are chosen in a fixed order (by start, then length,
/// then text); an edit that overlaps one already chosen is skipped, so the result never depends on the order the
/// checks ran in. A skipped fix is simply offered again when the linter runs on the result.
/// </summary>
public static class FixApplier
{
    public static string Apply(string text, IEnumerable<TextEdit> edits) => Apply(text, edits, out _);

    /// <param name="text">The file text the edits' offsets refer to.</param>
    /// <param name="edits">Edits from findings of this file.</param>
    /// <param name="skipped">Edits not applied: out of range, or overlapping an edit that was applied.</param>
    public static string Apply(string text, IEnumerable<TextEdit> edits, out IReadOnlyList<TextEdit> skipped)
    {
        var ordered = edits
            .Distinct()
            .OrderBy(e => e.Start)
            .ThenBy(e => e.Length)
            .ThenBy(e => e.NewText, StringComparer.Ordinal)
            .ThenBy(e => e.Description, StringComparer.Ordinal)
            .ToList();

        var chosen = new List<TextEdit>();
        var rejected = new List<TextEdit>();
        foreach (var edit in ordered)
        {
            if (edit.Start < 0 || edit.Length < 0 || edit.End > text.Length)
            {
                rejected.Add(edit);
            }
            else if (chosen.Count > 0 && Overlaps(chosen[chosen.Count - 1], edit))
            {
                // Two fixes of the same text (say, two rules inserting the same line) collapse into one.
                if (!SameChange(chosen[chosen.Count - 1], edit))
                {
                    rejected.Add(edit);
                }
            }
            else
            {
                chosen.Add(edit);
            }
        }

        skipped = rejected;
        if (chosen.Count == 0)
        {
            return text;
        }

        // From the end, so earlier offsets stay valid.
        var result = new System.Text.StringBuilder(text);
        for (var i = chosen.Count - 1; i >= 0; i--)
        {
            result.Remove(chosen[i].Start, chosen[i].Length).Insert(chosen[i].Start, chosen[i].NewText);
        }

        return result.ToString();
    }

    // Ordered by start, so only the previous chosen edit can overlap. Two insertions at one offset conflict (their
    // order would be arbitrary); an insertion at the end of a replaced range does not.
    private static bool Overlaps(TextEdit previous, TextEdit next) =>
        next.Start < previous.End || (next.Start == previous.Start && (next.Length == 0 || previous.Length == 0));

    private static bool SameChange(TextEdit a, TextEdit b) => a.Start == b.Start && a.Length == b.Length && a.NewText == b.NewText;
}
