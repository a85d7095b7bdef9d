namespace DualStack.Rules.Net;

/// <summary>What is wrong with a dual-stack list as a whole.</summary>
public enum DualStackListProblemKind
{
    /// <summary>The list has no entries at all.</summary>
    Empty,

    /// <summary>An entry between commas is empty (<c>a,,b</c>, a trailing comma).</summary>
    EmptyItem,

    /// <summary>More than two entries: a dual-stack list holds one IPv4 and one IPv6 entry at most.</summary>
    TooManyEntries,

    /// <summary>Two entries of the same family.</summary>
    SameFamily,

    /// <summary>A kubelet node IP pair holding <c>0.0.0.0</c> or <c>::</c>.</summary>
    UnspecifiedInPair,
}

/// <summary>A list-level problem with the span of text it is about.</summary>
public sealed class DualStackListProblem
{
    internal DualStackListProblem(DualStackListProblemKind kind, string message, int offset, int length, int index)
    {
        Kind = kind;
        Message = message;
        Offset = offset;
        Length = length;
        Index = index;
    }

    public DualStackListProblemKind Kind { get; }

    /// <summary>A message that quotes the values involved.</summary>
    public string Message { get; }

    /// <summary>0-based offset in the list string of the text the problem is about.</summary>
    public int Offset { get; }

    /// <summary>Length of that text (0 for an empty entry or an empty list).</summary>
    public int Length { get; }

    /// <summary>The entry index the problem points at (the third entry, the second of a family, the empty one); 0 for an empty list.</summary>
    public int Index { get; }

    public override string ToString() => Message;
}
