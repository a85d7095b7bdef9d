using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers;

/// <summary>
/// A framework type the rules match, identified by its namespace and metadata name instead of a symbol looked up per
/// compilation. <c>Compilation.GetTypeByMetadataName</c> searches every referenced assembly (about 200 with the .NET
/// and ASP.NET Core reference packs) to rule out ambiguity, some 40 µs a name on a fresh compilation: the 38 names the
/// rules match cost about 1.5 ms per compilation, more than all the rules' own work on a small project (1.1% of Fleck's
/// whole analysis for 32 names, measured with the cost tool). Comparing a symbol's own names costs a few string
/// compares and needs no set-up. A source type that spells the same full name (a polyfill) counts as the framework
/// type, which is what the rules want of it; a type that failed to bind never matches.
/// </summary>
internal sealed class KnownType
{
    private readonly string[] _namespaceInnermostFirst;
    private readonly string _name;

    public KnownType(string fullMetadataName)
    {
        var dot = fullMetadataName.LastIndexOf('.');
        MetadataName = fullMetadataName.Substring(dot + 1);
        var tick = MetadataName.IndexOf('`');
        _name = tick < 0 ? MetadataName : MetadataName.Substring(0, tick);
        _namespaceInnermostFirst = dot < 0 ? [] : Enumerable.Reverse(fullMetadataName.Substring(0, dot).Split('.')).ToArray();
        FullName = fullMetadataName;
    }

    /// <summary>The name with its generic arity suffix, as in metadata (<c>IPAddress</c>, <c>List`1</c>).</summary>
    public string MetadataName { get; }

    public string FullName { get; }

    /// <summary>True when <paramref name="type"/> (or its original definition, for a constructed generic) is this type.</summary>
    public bool Matches(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        // The simple name first (a constructed generic type has its definition's): it rejects nearly every type
        // before the original definition and the namespace are read.
        if (!string.Equals(type.Name, _name, StringComparison.Ordinal))
        {
            return false;
        }

        var definition = type.OriginalDefinition;
        if (definition.TypeKind == TypeKind.Error || definition.ContainingType is not null
            || !string.Equals(definition.MetadataName, MetadataName, StringComparison.Ordinal))
        {
            return false;
        }

        var space = definition.ContainingNamespace;
        foreach (var part in _namespaceInnermostFirst)
        {
            if (space is null || space.IsGlobalNamespace || !string.Equals(space.Name, part, StringComparison.Ordinal))
            {
                return false;
            }

            space = space.ContainingNamespace;
        }

        return space is { IsGlobalNamespace: true };
    }

    /// <summary>True when <paramref name="type"/> is this type or derives from it.</summary>
    public bool MatchesOrBase(ITypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (Matches(t))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => FullName;
}
