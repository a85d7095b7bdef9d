namespace DualStack.Rules.Net;

/// <summary>A parsed comma-separated dual-stack list: its entries and what is wrong with it as a whole.</summary>
public sealed class DualStackListResult
{
    internal DualStackListResult(string text, IReadOnlyList<DualStackListItem> entries, IReadOnlyList<DualStackListProblem> problems)
    {
        Text = text;
        Entries = entries;
        Items = entries.Where(e => e.Text.Length > 0).ToList();
        Problems = problems;
    }

    /// <summary>The whole list as given.</summary>
    public string Text { get; }

    /// <summary>Every entry between commas in order, empty ones included (those are invalid items with empty text).</summary>
    public IReadOnlyList<DualStackListItem> Entries { get; }

    /// <summary>The non-empty entries in order (empty entries are reported in <see cref="Problems"/> as well).</summary>
    public IReadOnlyList<DualStackListItem> Items { get; }

    /// <summary>List-level problems: empty list, empty entry, more than two entries, two of one family.</summary>
    public IReadOnlyList<DualStackListProblem> Problems { get; }

    /// <summary>True when there are no list problems and every entry is valid.</summary>
    public bool IsValid => Problems.Count == 0 && Entries.All(i => i.IsValid);

    /// <summary>The family of the first entry (the cluster's primary family), null when it did not parse.</summary>
    public IpFamily? PrimaryFamily => Items.Count > 0 && Items[0].Index == 0 ? Items[0].Family : null;

    /// <summary>The families of the parsed entries in order, repeats removed.</summary>
    public IReadOnlyList<IpFamily> Families =>
        Items.Where(i => i.Family is not null).Select(i => i.Family!.Value).Distinct().ToList();

    /// <summary>True when the parsed entries include both families (<c>IsDualStack*</c>; it does not limit the count).</summary>
    public bool IsDualStack => Families.Count == 2;
}
