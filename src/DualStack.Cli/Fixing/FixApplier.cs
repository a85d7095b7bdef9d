using DualStack.Rules;

namespace DualStack.Cli.Fixing;

/// <summary>
/// Applies the text edits of findings to one file's text. Edits are replacements of ranges of the original text, so
/// everything outside them (comments, quoting, key order, indentation, line endings) stays byte-for-byte the same.
/// An edit that overlaps one already taken is left for the next pass (after re-linting); duplicates count once.
/// A private applier: the engine's shared one is being written on another branch and replaces it when it lands.
/// </summary>
internal static class FixApplier
{
    /// <returns>The new text and the number of edits applied.</returns>
    public static (string Text, int Applied) Apply(string text, IEnumerable<TextEdit> edits)
    {
        var taken = new List<TextEdit>();
        foreach (var edit in edits.Distinct().OrderBy(e => e.Start).ThenBy(e => e.Length))
        {
            if (edit.Start < 0 || edit.Length < 0 || edit.End > text.Length)
            {
                continue;
            }

            // Two insertions at the same point, or a range that starts inside the previous one, conflict.
            if (taken.Count > 0 && (edit.Start < taken[^1].End || (edit.Start == taken[^1].Start && edit.Start == taken[^1].End)))
            {
                continue;
            }

            taken.Add(edit);
        }

        if (taken.Count == 0)
        {
            return (text, 0);
        }

        var builder = new System.Text.StringBuilder(text.Length + taken.Sum(e => e.NewText.Length));
        var position = 0;
        foreach (var edit in taken)
        {
            builder.Append(text, position, edit.Start - position);
            builder.Append(edit.NewText);
            position = edit.End;
        }

        builder.Append(text, position, text.Length - position);
        var result = builder.ToString();
        return (result, result == text ? 0 : taken.Count);
    }
}
