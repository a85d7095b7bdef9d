namespace DualStack.Manifests.Baseline;

/// <summary>
/// One line of a baseline: the findings of one rule on one field of one object in one file, and how many of them there
/// were. Positions are left out on purpose, so edits above a finding and reordered documents do not resurrect it.
/// </summary>
/// <param name="RuleId">The rule, e.g. <c>DS2005</c>.</param>
/// <param name="File">The file relative to the baseline's root (see <see cref="BaselinePaths"/>), with <c>/</c> separators.</param>
/// <param name="Object"><c>Kind/namespace/name</c> or the configuration kind, as in the JSON report; null for file-level findings.</param>
/// <param name="Field">The field path, as in the JSON report; null when the finding has none.</param>
/// <param name="Count">How many findings of this key the baseline accepts.</param>
public sealed record BaselineEntry(string RuleId, string File, string? Object, string? Field, int Count)
{
    /// <summary>The part that findings are matched by.</summary>
    public BaselineKey Key => new(RuleId, File, Object, Field);
}

/// <summary>What a finding and a baseline entry are matched by: rule, file, object and field (never lines or messages).</summary>
public readonly record struct BaselineKey(string RuleId, string File, string? Object, string? Field)
{
    /// <summary>The order of the baseline file: by file, object, rule and field, ordinal, nulls first.</summary>
    public static int Compare(BaselineKey a, BaselineKey b)
    {
        var c = string.CompareOrdinal(a.File, b.File);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Object, b.Object);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.RuleId, b.RuleId);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Field, b.Field);
    }
}
