using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>How a sink reads its string argument.</summary>
internal enum SinkKind
{
    /// <summary>An IP address or host name on its own (<c>IPAddress.Parse</c>, <c>Connect(host, port)</c>).</summary>
    Host,

    /// <summary><c>host:port</c> (<c>IPEndPoint.Parse</c>).</summary>
    HostPort,

    /// <summary>A URL or a ';'-separated URL list (<c>new Uri</c>, <c>HttpClient</c>, gRPC, Kestrel).</summary>
    Url,
}

/// <summary>What the API does with the address it receives, as far as its signature tells.</summary>
internal enum SinkRole
{
    /// <summary>Parses an address that may then be bound or connected (<c>IPAddress.Parse</c>, <c>IPEndPoint.Parse</c>).</summary>
    Address,

    /// <summary>Connects or sends to the host (<c>Connect</c>, <c>new TcpClient</c>, <c>new Uri</c>, <c>HttpClient</c>, gRPC).</summary>
    Connect,

    /// <summary>Listens on it (a Kestrel listen URL).</summary>
    Listen,
}

/// <summary>A string argument that a network API parses as an address, host or URL.</summary>
internal readonly struct NetworkSink
{
    public NetworkSink(IOperation value, string name, SinkKind kind, SinkRole role)
    {
        Value = value;
        Name = name;
        Kind = kind;
        Role = role;
    }

    public IOperation Value { get; }

    /// <summary>The API, for messages: <c>IPAddress.Parse</c>, <c>new Uri</c>.</summary>
    public string Name { get; }

    public SinkKind Kind { get; }

    public SinkRole Role { get; }

    /// <summary>A Kestrel listen URL (where <c>0.0.0.0</c> is DS1010's business).</summary>
    public bool IsListenUrl => Role == SinkRole.Listen;
}

/// <summary>
/// The network and URL parsers the string rules follow values into, matched by symbol: containing type, member
/// and parameter (type and name), never by the text of the call.
/// </summary>
internal static class NetworkSinks
{
    /// <summary>
    /// A cheap first test: the call's type has a sink member, or it is an <c>Add</c> (Kestrel URL collections).
    /// Most calls of a compilation fail it with one hash lookup.
    /// </summary>
    public static bool MayBeSink(IOperation operation, StringRuleSymbols symbols) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod.Name == "Add"
            || (invocation.TargetMethod.ContainingType is { } type && StringRuleSymbols.IsSinkType(type)),
        IObjectCreationOperation { Type: { } created } => StringRuleSymbols.IsSinkType(created),
        _ => false,
    };

    public static IEnumerable<NetworkSink> Find(IOperation operation, StringRuleSymbols symbols)
    {
        if (!MayBeSink(operation, symbols))
        {
            yield break;
        }

        switch (operation)
        {
            case IInvocationOperation invocation:
                foreach (var sink in FromInvocation(invocation, symbols))
                {
                    yield return sink;
                }

                break;
            case IObjectCreationOperation creation when creation.Constructor is { } constructor:
                foreach (var argument in creation.Arguments)
                {
                    var kind = ConstructorArgumentKind(constructor.ContainingType, argument, symbols);
                    if (kind is { } k)
                    {
                        yield return new NetworkSink(argument.Value, "new " + constructor.ContainingType.Name, k, SinkRole.Connect);
                    }
                }

                break;
        }
    }

    private static IEnumerable<NetworkSink> FromInvocation(IInvocationOperation invocation, StringRuleSymbols symbols)
    {
        foreach (var url in DS1010ListenUrlAnalyzer.ListenUrlArguments(invocation, symbols))
        {
            yield return new NetworkSink(url, "a Kestrel listen URL (" + invocation.TargetMethod.Name + ")", SinkKind.Url, SinkRole.Listen);
        }

        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        var name = type.Name + "." + method.Name;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter)
            {
                continue;
            }

            SinkKind? kind = null;
            var role = SinkRole.Connect;
            if (StringRuleSymbols.Is(type, symbols.IPAddress) && method.Name == "Parse")
            {
                kind = SinkKind.Host;
                role = SinkRole.Address;
            }
            else if (StringRuleSymbols.Is(type, symbols.IPEndPoint) && method.Name == "Parse")
            {
                kind = SinkKind.HostPort;
                role = SinkRole.Address;
            }
            else if (StringRuleSymbols.Is(type, symbols.Uri) && parameter.Name == "uriString")
            {
                kind = SinkKind.Url;
            }
            else if (StringRuleSymbols.Is(type, symbols.HttpClient) && parameter.Name == "requestUri")
            {
                kind = SinkKind.Url;
            }
            else if (StringRuleSymbols.Is(type, symbols.GrpcChannel) && method.Name == "ForAddress")
            {
                kind = SinkKind.Url;
            }
            else if ((StringRuleSymbols.Is(type, symbols.Socket) || StringRuleSymbols.Is(type, symbols.TcpClient) || StringRuleSymbols.Is(type, symbols.UdpClient))
                && parameter.Name is "host" or "hostname")
            {
                kind = SinkKind.Host;
            }

            if (kind is { } k)
            {
                yield return new NetworkSink(argument.Value, name, k, role);
            }
        }
    }

    private static SinkKind? ConstructorArgumentKind(INamedTypeSymbol type, IArgumentOperation argument, StringRuleSymbols symbols)
    {
        if (argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter)
        {
            return null;
        }

        if ((StringRuleSymbols.Is(type, symbols.Uri) && parameter.Name == "uriString")
            || (StringRuleSymbols.Is(type, symbols.HttpRequestMessage) && parameter.Name == "requestUri"))
        {
            return SinkKind.Url;
        }

        if (StringRuleSymbols.Is(type, symbols.UriBuilder))
        {
            return parameter.Name switch
            {
                "uri" => SinkKind.Url,
                "host" => SinkKind.Host,
                _ => null,
            };
        }

        if ((StringRuleSymbols.Is(type, symbols.TcpClient) || StringRuleSymbols.Is(type, symbols.UdpClient) || StringRuleSymbols.Is(type, symbols.DnsEndPoint))
            && parameter.Name is "host" or "hostname")
        {
            return SinkKind.Host;
        }

        return null;
    }

    /// <summary>Where the host(s) are in the text a sink of <paramref name="kind"/> receives.</summary>
    public static IEnumerable<HostMatch> Hosts(string text, SinkKind kind) => kind switch
    {
        SinkKind.Url => HostText.UrlHosts(text),
        SinkKind.HostPort => HostText.CandidateHosts(text),
        _ => [new HostMatch(0, text.Length, 0, text.Length)],
    };
}
