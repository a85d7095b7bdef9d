using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.Flow;

/// <summary>The kinds of address value whose later use the flow follows.</summary>
internal enum AddressOriginKind
{
    /// <summary>The IPv4 wildcard: <c>IPAddress.Any</c>, <c>"0.0.0.0"</c>, <c>new IPEndPoint(0, p)</c> and friends (DS1001).</summary>
    IPv4Wildcard,

    /// <summary>The first DNS answer: <c>AddressList[0]</c>, <c>GetHostAddresses(h)[0]</c>, <c>.First()</c> (DS1011).</summary>
    FirstDnsAnswer,
}

/// <summary>What a sink does with the address it reads.</summary>
internal enum AddressSinkKind
{
    /// <summary>Listens on it: <c>Socket.Bind</c>, <c>TcpListener</c>, <c>UdpClient(IPEndPoint)</c>, Kestrel <c>Listen</c>.</summary>
    Bind,

    /// <summary>Connects or sends to it.</summary>
    Connect,
}

/// <summary>A known value stored into a carrier (field, property, parameter, local or method result).</summary>
internal sealed class AddressOrigin
{
    private readonly SyntaxNode _syntax;
    private string? _text;

    public AddressOrigin(ISymbol carrier, AddressOriginKind kind, SyntaxNode syntax, bool reportedWithoutSink = false)
    {
        Carrier = carrier;
        Kind = kind;
        _syntax = syntax;
        ReportedWithoutSink = reportedWithoutSink;
    }

    public ISymbol Carrier { get; }

    public AddressOriginKind Kind { get; }

    /// <summary>Where the value is written: the place the fix belongs.</summary>
    public Location Location => _syntax.GetLocation();

    /// <summary>The value as written, for messages; made only for an origin that is reported (most never are).</summary>
    public string Text => _text ??= SourceTextSearch.TextOf(_syntax);

    /// <summary>
    /// A first DNS answer whose finding this analyzer owns (<see cref="FirstDnsAnswerOwnership"/>): reported as Info
    /// even when no connect or bind is found, since the member-local analyzer leaves it to the flow.
    /// </summary>
    public bool ReportedWithoutSink { get; }

    private int _reportedWithinType;

    /// <summary>
    /// The finding was reported at its type's symbol end (source and sink in the same type), so compilation end, which
    /// runs after every symbol end, leaves it alone.
    /// </summary>
    public bool ReportedWithinType => Volatile.Read(ref _reportedWithinType) != 0;

    public void MarkReportedWithinType() => Volatile.Write(ref _reportedWithinType, 1);
}

/// <summary>A carrier read by a sink in some member, with the words a message uses for it.</summary>
internal sealed class AddressSink
{
    public AddressSink(AddressSinkKind kind, string description, ISymbol? via)
    {
        Kind = kind;
        Description = description;
        Via = via;
    }

    public AddressSinkKind Kind { get; }

    /// <summary>"Socket.Bind in 'Server.Start'".</summary>
    public string Description { get; }

    /// <summary>The next carrier on the way to the sink, or null when the sink reads this carrier itself.</summary>
    public ISymbol? Via { get; }
}
