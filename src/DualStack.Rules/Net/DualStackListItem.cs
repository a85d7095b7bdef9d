namespace DualStack.Rules.Net;

/// <summary>One entry of a comma-separated dual-stack list, with its position in the original text.</summary>
public sealed class DualStackListItem
{
    internal DualStackListItem(
        int index, string text, int offset, IpProblem problem, string? detail, string? message,
        IpAddress? address, IpCidr? cidr, bool hasWhitespace)
    {
        Index = index;
        Text = text;
        Offset = offset;
        Problem = problem;
        Detail = detail;
        Message = message;
        Address = address;
        Cidr = cidr;
        HasWhitespace = hasWhitespace;
    }

    /// <summary>0-based position among the comma-separated entries (the <c>[i]</c> Kubernetes reports).</summary>
    public int Index { get; }

    /// <summary>The entry as parsed (trimmed in <see cref="ListWhitespace.Trim"/> mode).</summary>
    public string Text { get; }

    /// <summary>0-based offset of <see cref="Text"/> in the whole list string.</summary>
    public int Offset { get; }

    /// <summary>Length of <see cref="Text"/>.</summary>
    public int Length => Text.Length;

    /// <summary>The parse problem, <see cref="IpProblem.None"/> when the entry is usable.</summary>
    public IpProblem Problem { get; }

    /// <summary>True when the entry parsed without problem.</summary>
    public bool IsValid => Problem == IpProblem.None;

    /// <summary>The apimachinery detail message for <see cref="Problem"/> (e.g. "must not have leading 0s"), or null.</summary>
    public string? Detail { get; }

    /// <summary>A message for a finding: quotes the entry and, where one exists, the value to use instead; null when valid.</summary>
    public string? Message { get; }

    /// <summary>The parsed address of an IP list entry when the sloppy parse succeeded.</summary>
    public IpAddress? Address { get; }

    /// <summary>The parsed CIDR of a CIDR list entry when the sloppy parse succeeded.</summary>
    public IpCidr? Cidr { get; }

    /// <summary>The entry's family when it parsed (a CIDR's masked network decides).</summary>
    public IpFamily? Family => Address?.Family ?? Cidr?.Family;

    /// <summary>True when the raw entry had leading or trailing whitespace.</summary>
    public bool HasWhitespace { get; }

    /// <summary>True when the entry, kept untrimmed (<see cref="ListWhitespace.Strict"/>), starts with whitespace: a space after the comma.</summary>
    public bool HasLeadingWhitespace => Text.Length > 0 && char.IsWhiteSpace(Text[0]);

    /// <summary>
    /// The address the entry holds without its surrounding whitespace, when only that whitespace makes it invalid:
    /// what the author meant, for checks that follow the parse error.
    /// </summary>
    public IpAddress? TrimmedAddress { get; init; }

    /// <summary>The CIDR counterpart of <see cref="TrimmedAddress"/>.</summary>
    public IpCidr? TrimmedCidr { get; init; }

    /// <summary>The canonical text of the parsed value (the replacement to suggest), or null.</summary>
    public string? Canonical => Address?.ToString() ?? Cidr?.ToString();

    public override string ToString() => Text;
}
