using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers;

/// <summary>
/// A field, property or method of a <see cref="KnownType"/> (<c>IPAddress.Any</c>, <c>IPAddress.MapToIPv4</c>), matched by its
/// name and its containing type's full name, so that no per-compilation lookup is needed to compare with it.
/// </summary>
internal sealed class KnownMember(KnownType containingType, string name)
{
    public KnownType ContainingType { get; } = containingType;

    public string Name { get; } = name;

    /// <summary>True when <paramref name="member"/> is this member (of the type's original definition).</summary>
    public bool Matches(ISymbol? member) =>
        member is not null && string.Equals(member.Name, Name, StringComparison.Ordinal) && ContainingType.Matches(member.ContainingType);

    public override string ToString() => ContainingType.FullName + "." + Name;
}
