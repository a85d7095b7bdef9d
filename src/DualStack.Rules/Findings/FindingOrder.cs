namespace DualStack.Rules;

/// <summary>The one deterministic order of findings: file, position, rule, message.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(x.File, y.File);
        if (c == 0) c = x.Line.CompareTo(y.Line);
        if (c == 0) c = x.Column.CompareTo(y.Column);
        if (c == 0) c = string.CompareOrdinal(x.RuleId, y.RuleId);
        if (c == 0) c = string.CompareOrdinal(x.Field, y.Field);
        if (c == 0) c = string.CompareOrdinal(x.Message, y.Message);

        // Ties past this point only come from parallel runs; these keep the order stable.
        if (c == 0) c = string.CompareOrdinal(x.Object, y.Object);
        if (c == 0) c = x.EndLine.CompareTo(y.EndLine);
        if (c == 0) c = x.EndColumn.CompareTo(y.EndColumn);
        if (c == 0) c = x.Severity.CompareTo(y.Severity);
        return c;
    }
}
