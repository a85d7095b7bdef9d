using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.Flow;

/// <summary>
/// The per-compilation picture of where addresses flow, filled concurrently by operation actions and read once at
/// compilation end. Facts are small: which known values are stored in which carrier (<see cref="AddOrigin"/>), which
/// carrier is copied into which (<see cref="AddEdge"/>), and which carrier a sink reads (<see cref="AddSink"/>).
/// <see cref="SinkOf"/> then answers "does a value stored in this carrier reach a bind (or connect) sink, and through
/// what", by walking the copies backwards from the sinks once.
/// </summary>
internal sealed class AddressFlowSummary
{
    // Origins and copies are few (a handful per type that handles addresses), so one lock guards them. Not
    // ConcurrentBag: each bag creates a ThreadLocal on its first add (a process-wide lock, and a finalizer), which
    // measured as most of this analyzer's time on websocket-sharp.
    private readonly object _gate = new();
    private readonly List<AddressOrigin> _origins = [];

    // target carrier -> carriers whose value it receives
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _sourcesOf = new(SymbolEqualityComparer.Default);

    // source carrier -> carriers that receive its value
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _targetsOf = new(SymbolEqualityComparer.Default);

    private readonly ConcurrentDictionary<ISymbol, AddressSink> _bindSinks = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, AddressSink> _connectSinks = new(SymbolEqualityComparer.Default);

    // Binds in members that also handle IPv6 (a two-listener design picking the address per family).
    private readonly ConcurrentDictionary<ISymbol, AddressSink> _familyAwareBindSinks = new(SymbolEqualityComparer.Default);
    private Dictionary<ISymbol, AddressSink>? _resolvedFamilyAwareBind;

    // Binds of broadcast or multicast listeners: IPv4 by protocol, so a value reaching one is accounted for.
    private readonly ConcurrentDictionary<ISymbol, AddressSink> _broadcastBindSinks = new(SymbolEqualityComparer.Default);
    private Dictionary<ISymbol, AddressSink>? _resolvedBroadcastBind;

    private Dictionary<ISymbol, AddressSink>? _resolvedBind;
    private Dictionary<ISymbol, AddressSink>? _resolvedConnect;

    /// <summary>The origins collected. Call after collection ends.</summary>
    public IReadOnlyList<AddressOrigin> Origins => _origins;

    public void AddOrigin(AddressOrigin origin)
    {
        lock (_gate)
        {
            _origins.Add(origin);
        }
    }

    public void AddEdge(ISymbol target, ISymbol source)
    {
        if (SymbolEqualityComparer.Default.Equals(target, source))
        {
            return;
        }

        lock (_gate)
        {
            Add(_sourcesOf, target, source);
            Add(_targetsOf, source, target);
        }
    }

    private static void Add(Dictionary<ISymbol, HashSet<ISymbol>> map, ISymbol key, ISymbol value)
    {
        if (!map.TryGetValue(key, out var values))
        {
            map[key] = values = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        }

        values.Add(value);
    }

    public void AddSink(ISymbol carrier, AddressSinkKind kind, string description) =>
        AddFirstInOrder(kind == AddressSinkKind.Bind ? _bindSinks : _connectSinks, carrier, new AddressSink(kind, description, via: null));

    /// <summary>A bind in a member that also handles IPv6: proof only for a value stored in the IPv6 slot.</summary>
    public void AddFamilyAwareBindSink(ISymbol carrier, string description) =>
        AddFirstInOrder(_familyAwareBindSinks, carrier, new AddressSink(AddressSinkKind.Bind, description, via: null));

    /// <summary>A bind of a broadcast or multicast listener reads this carrier.</summary>
    public void AddBroadcastBindSink(ISymbol carrier) =>
        _broadcastBindSinks.TryAdd(carrier, new AddressSink(AddressSinkKind.Bind, "a broadcast listener", via: null));

    /// <summary>A value stored in <paramref name="carrier"/> reaches a broadcast or multicast listener. Call after collection ends.</summary>
    public bool ReachesBroadcastBind(ISymbol carrier) =>
        (_resolvedBroadcastBind ??= Resolve(_broadcastBindSinks)).ContainsKey(carrier);

    /// <summary>The family-aware bind a value stored in <paramref name="carrier"/> reaches. Call after collection ends.</summary>
    public AddressSink? FamilyAwareBindSinkOf(ISymbol carrier) =>
        (_resolvedFamilyAwareBind ??= Resolve(_familyAwareBindSinks)).TryGetValue(carrier, out var sink) ? sink : null;

    /// <summary>The sink of <paramref name="kind"/> a value stored in <paramref name="carrier"/> reaches, if any. Call after collection ends.</summary>
    public AddressSink? SinkOf(ISymbol carrier, AddressSinkKind kind)
    {
        var resolved = kind == AddressSinkKind.Bind
            ? _resolvedBind ??= Resolve(_bindSinks)
            : _resolvedConnect ??= Resolve(_connectSinks);
        return resolved.TryGetValue(carrier, out var sink) ? sink : null;
    }

    /// <summary>The carriers a value stored in <paramref name="carrier"/> is copied into, directly.</summary>
    public IEnumerable<ISymbol> TargetsOf(ISymbol carrier) =>
        _targetsOf.TryGetValue(carrier, out var targets) ? targets : Enumerable.Empty<ISymbol>();

    /// <summary>
    /// Breadth-first from every sink carrier back along the copies, so each carrier keeps its shortest path. Facts
    /// arrive from concurrent callbacks in any order, so a carrier that equally near sinks reach takes the first in
    /// a fixed order (sink description, then the next carrier's name): the finding names the same sink every build.
    /// </summary>
    private Dictionary<ISymbol, AddressSink> Resolve(ConcurrentDictionary<ISymbol, AddressSink> sinks)
    {
        var result = new Dictionary<ISymbol, AddressSink>(SymbolEqualityComparer.Default);
        var frontier = new List<ISymbol>();
        foreach (var pair in sinks)
        {
            result[pair.Key] = pair.Value;
            frontier.Add(pair.Key);
        }

        while (frontier.Count > 0)
        {
            var claims = new Dictionary<ISymbol, AddressSink>(SymbolEqualityComparer.Default);
            foreach (var carrier in frontier)
            {
                if (!_sourcesOf.TryGetValue(carrier, out var sources))
                {
                    continue;
                }

                var sink = result[carrier];
                foreach (var source in sources)
                {
                    if (result.ContainsKey(source))
                    {
                        continue;
                    }

                    var claim = new AddressSink(sink.Kind, sink.Description, carrier);
                    if (!claims.TryGetValue(source, out var earlier) || Compare(claim, earlier) < 0)
                    {
                        claims[source] = claim;
                    }
                }
            }

            frontier = new List<ISymbol>(claims.Count);
            foreach (var pair in claims)
            {
                result[pair.Key] = pair.Value;
                frontier.Add(pair.Key);
            }
        }

        return result;
    }

    private static void AddFirstInOrder(ConcurrentDictionary<ISymbol, AddressSink> sinks, ISymbol carrier, AddressSink sink) =>
        sinks.AddOrUpdate(carrier, sink, (_, earlier) => Compare(sink, earlier) < 0 ? sink : earlier);

    private static int Compare(AddressSink x, AddressSink y)
    {
        var byDescription = string.CompareOrdinal(x.Description, y.Description);
        return byDescription != 0
            ? byDescription
            : string.CompareOrdinal(x.Via?.ToDisplayString(), y.Via?.ToDisplayString());
    }
}
