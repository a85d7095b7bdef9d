using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.Flow;

/// <summary>
/// A picture of where addresses flow, filled concurrently by operation actions and read once collection ends. Facts
/// are small: which known values are stored in which carrier (<see cref="AddOrigin"/>), which carrier is copied into
/// which (<see cref="AddEdge"/>), and which carrier a sink reads (<see cref="AddSink"/>). <see cref="SinkOf"/> then
/// answers "does a value stored in this carrier reach a bind (or connect) sink, and through what", by walking the
/// copies backwards from the sinks once.
/// <para>
/// There is one for the compilation (read at compilation end) and one for each named type (read at the type's symbol
/// end, holding only the facts of the type's own members); a type's summary passes every fact on to the compilation's
/// (<c>parent</c>), so each operation is looked at once.
/// </para>
/// </summary>
internal sealed class AddressFlowSummary
{
    private readonly AddressFlowSummary? _parent;

    // Facts are few (none in most types, a handful in a type that handles addresses), so one lock guards them and
    // the collections are made on the first fact. Not ConcurrentBag: each bag creates a ThreadLocal on its first add
    // (a process-wide lock, and a finalizer), which measured as most of this analyzer's time on websocket-sharp.
    private readonly object _gate = new();
    private List<AddressOrigin>? _origins;

    // Copies as they were collected (target carrier, source carrier). Most types have many copies of strings and no
    // origin, and are never resolved, so the copies are indexed only on the first read: hashing each copy into a map of
    // the type's summary and two of the compilation's as it was collected was a tenth of the analyzer's time.
    private List<(ISymbol Target, ISymbol Source)>? _edges;

    // target carrier -> carriers whose value it receives; built from _edges on the first read
    private Dictionary<ISymbol, HashSet<ISymbol>>? _sourcesOf;

    // source carrier -> carriers that receive its value; built from _edges on the first read
    private Dictionary<ISymbol, HashSet<ISymbol>>? _targetsOf;

    private Dictionary<ISymbol, AddressSink>? _bindSinks;
    private Dictionary<ISymbol, AddressSink>? _connectSinks;

    // Binds in members that also handle IPv6 (a two-listener design picking the address per family).
    private Dictionary<ISymbol, AddressSink>? _familyAwareBindSinks;

    // Binds of broadcast or multicast listeners: IPv4 by protocol, so a value reaching one is accounted for.
    private Dictionary<ISymbol, AddressSink>? _broadcastBindSinks;

    private Dictionary<ISymbol, AddressSink>? _resolvedBind;
    private Dictionary<ISymbol, AddressSink>? _resolvedConnect;
    private Dictionary<ISymbol, AddressSink>? _resolvedFamilyAwareBind;
    private Dictionary<ISymbol, AddressSink>? _resolvedBroadcastBind;

    // The compilation's summary follows virtual dispatch as its walks reach parameters (see VirtualDispatch); a type's
    // summary holds the facts of its own members only, which never include dispatch.
    private readonly VirtualDispatch? _dispatch;

    /// <summary>A summary on its own (no dispatch links): for tests.</summary>
    public AddressFlowSummary()
    {
    }

    /// <summary>The compilation's summary, following <paramref name="dispatch"/> where its walks reach an override or implementation.</summary>
    public AddressFlowSummary(VirtualDispatch dispatch) => _dispatch = dispatch;

    /// <summary>A type's summary, passing every fact on to <paramref name="parent"/>.</summary>
    public AddressFlowSummary(AddressFlowSummary parent) => _parent = parent;

    /// <summary>Any origin was collected. Call after collection ends.</summary>
    public bool HasOrigins => _origins is not null;

    /// <summary>The origins collected. Call after collection ends.</summary>
    public IReadOnlyList<AddressOrigin> Origins => (IReadOnlyList<AddressOrigin>?)_origins ?? [];

    public void AddOrigin(AddressOrigin origin)
    {
        lock (_gate)
        {
            (_origins ??= []).Add(origin);
        }

        _parent?.AddOrigin(origin);
    }

    public void AddEdge(ISymbol target, ISymbol source)
    {
        lock (_gate)
        {
            (_edges ??= []).Add((target, source));
        }

        _parent?.AddEdge(target, source);
    }

    public void AddSink(ISymbol carrier, AddressSinkKind kind, string description)
    {
        var sink = new AddressSink(kind, description, via: null);
        lock (_gate)
        {
            AddFirstInOrder(kind == AddressSinkKind.Bind ? _bindSinks ??= NewSinks() : _connectSinks ??= NewSinks(), carrier, sink);
        }

        _parent?.AddSink(carrier, kind, description);
    }

    /// <summary>A bind in a member that also handles IPv6: proof only for a value stored in the IPv6 slot.</summary>
    public void AddFamilyAwareBindSink(ISymbol carrier, string description)
    {
        lock (_gate)
        {
            AddFirstInOrder(_familyAwareBindSinks ??= NewSinks(), carrier, new AddressSink(AddressSinkKind.Bind, description, via: null));
        }

        _parent?.AddFamilyAwareBindSink(carrier, description);
    }

    /// <summary>A bind of a broadcast or multicast listener reads this carrier.</summary>
    public void AddBroadcastBindSink(ISymbol carrier)
    {
        lock (_gate)
        {
            _broadcastBindSinks ??= NewSinks();
            if (!_broadcastBindSinks.ContainsKey(carrier))
            {
                _broadcastBindSinks[carrier] = new AddressSink(AddressSinkKind.Bind, "a broadcast listener", via: null);
            }
        }

        _parent?.AddBroadcastBindSink(carrier);
    }

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

    /// <summary>
    /// The carriers a value stored in <paramref name="carrier"/> is copied into, directly, or reaches through virtual
    /// dispatch (the compilation's summary). Call after collection ends.
    /// </summary>
    public IEnumerable<ISymbol> TargetsOf(ISymbol carrier)
    {
        _targetsOf ??= Index(byTarget: false);
        var copies = _targetsOf.TryGetValue(carrier, out var targets) ? targets : Enumerable.Empty<ISymbol>();
        return _dispatch is null ? copies : copies.Concat(_dispatch.ImplementingParametersOf(carrier));
    }

    private static Dictionary<ISymbol, AddressSink> NewSinks() => new(SymbolEqualityComparer.Default);

    /// <summary>The copies by target (each target's sources) or by source (each source's targets), without copies into themselves.</summary>
    private Dictionary<ISymbol, HashSet<ISymbol>> Index(bool byTarget)
    {
        var map = new Dictionary<ISymbol, HashSet<ISymbol>>(SymbolEqualityComparer.Default);
        if (_edges is not null)
        {
            foreach (var (target, source) in _edges)
            {
                if (!SymbolEqualityComparer.Default.Equals(target, source))
                {
                    Add(map, byTarget ? target : source, byTarget ? source : target);
                }
            }
        }

        return map;
    }

    private static void Add(Dictionary<ISymbol, HashSet<ISymbol>> map, ISymbol key, ISymbol value)
    {
        if (!map.TryGetValue(key, out var values))
        {
            map[key] = values = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        }

        values.Add(value);
    }

    /// <summary>
    /// Breadth-first from every sink carrier back along the copies, so each carrier keeps its shortest path. Facts
    /// arrive from concurrent callbacks in any order, so a carrier that equally near sinks reach takes the first in
    /// a fixed order (sink description, then the next carrier's name): the finding names the same sink every build.
    /// </summary>
    private Dictionary<ISymbol, AddressSink> Resolve(Dictionary<ISymbol, AddressSink>? sinks)
    {
        var result = new Dictionary<ISymbol, AddressSink>(SymbolEqualityComparer.Default);
        if (sinks is null)
        {
            return result;
        }

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
                var sink = result[carrier];
                foreach (var source in SourcesOf(carrier))
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

    /// <summary>The carriers whose value <paramref name="carrier"/> receives: copies, and the methods an override or implementation is called through.</summary>
    private IEnumerable<ISymbol> SourcesOf(ISymbol carrier)
    {
        _sourcesOf ??= Index(byTarget: true);
        var copies = _sourcesOf.TryGetValue(carrier, out var sources) ? sources : Enumerable.Empty<ISymbol>();
        return _dispatch is null ? copies : copies.Concat(_dispatch.DeclaredParametersOf(carrier));
    }

    private static void AddFirstInOrder(Dictionary<ISymbol, AddressSink> sinks, ISymbol carrier, AddressSink sink)
    {
        if (!sinks.TryGetValue(carrier, out var earlier) || Compare(sink, earlier) < 0)
        {
            sinks[carrier] = sink;
        }
    }

    private static int Compare(AddressSink x, AddressSink y)
    {
        var byDescription = string.CompareOrdinal(x.Description, y.Description);
        return byDescription != 0
            ? byDescription
            : string.CompareOrdinal(x.Via?.ToDisplayString(), y.Via?.ToDisplayString());
    }
}
