using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.Flow;

/// <summary>
/// What a type's declarations say about its design, read once per type however many of its values the flow looks
/// at, and shared by the collectors of all types of a compilation. The caches are made on first use: most
/// compilations never ask (a concurrent dictionary costs more to make than the flow spends on a small project).
/// </summary>
internal sealed class TypeTextFacts
{
    private ConcurrentDictionary<INamedTypeSymbol, bool>? _keepsIPv6Wildcard;
    private ConcurrentDictionary<INamedTypeSymbol, bool>? _speaksBroadcast;

    /// <summary>The type stores, returns or passes the IPv6 wildcard or family somewhere (two-family options).</summary>
    public bool KeepsIPv6Wildcard(INamedTypeSymbol type) =>
        LazyInitializer.EnsureInitialized(ref _keepsIPv6Wildcard, NewCache)!
            .GetOrAdd(type.OriginalDefinition, AddressFlowCollector.TypeKeepsIPv6Wildcard);

    /// <summary>The type sets up broadcast or multicast (a LAN discovery host).</summary>
    public bool SpeaksBroadcast(INamedTypeSymbol type) =>
        LazyInitializer.EnsureInitialized(ref _speaksBroadcast, NewCache)!
            .GetOrAdd(type.OriginalDefinition, BroadcastWords.SpeaksBroadcast);

    private static ConcurrentDictionary<INamedTypeSymbol, bool> NewCache() => new(SymbolEqualityComparer.Default);
}
