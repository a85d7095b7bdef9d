using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Sockets;

/// <summary>
/// Forward flow for address values: does a value reach a bind, connect, send or listen call in the same member, directly,
/// through an <c>IPEndPoint</c> built from it, or through a local that holds it?
/// </summary>
internal static class SocketSinks
{
    private const int MaxDepth = 4;

    private static readonly HashSet<string> SinkMethods = new(StringComparer.Ordinal)
    {
        "Bind", "Connect", "ConnectAsync", "BeginConnect", "SendTo", "SendToAsync", "BeginSendTo", "Send", "SendAsync", "Listen",
    };

    private static readonly HashSet<string> BindMethods = new(StringComparer.Ordinal) { "Bind", "Listen" };

    /// <summary>Bind, connect, send or listen calls and the socket constructors that take an address.</summary>
    public static bool ReachesSink(IOperation value, SocketSymbols symbols) => ReachesSink(value, symbols, 0, bindOnly: false);

    /// <summary>Only calls that bind a local address: Socket.Bind, Kestrel Listen, TcpListener and UdpClient constructors.</summary>
    public static bool ReachesBind(IOperation value, SocketSymbols symbols) => ReachesSink(value, symbols, 0, bindOnly: true);

    private static bool ReachesSink(IOperation value, SocketSymbols symbols, int depth, bool bindOnly)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        var current = value;
        while (current.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }

        switch (current.Parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return (bindOnly ? BindMethods : SinkMethods).Contains(invocation.TargetMethod.Name) && IsSocketType(invocation.TargetMethod.ContainingType, symbols);
            case IArgumentOperation { Parent: IObjectCreationOperation creation }:
                return symbols.Is(creation.Type, symbols.IPEndPoint)
                    ? ReachesSink(creation, symbols, depth + 1, bindOnly)
                    : symbols.Is(creation.Type, symbols.TcpListener) || symbols.Is(creation.Type, symbols.UdpClient) || symbols.Is(creation.Type, symbols.TcpClient);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return LocalReachesSink(current, declarator.Symbol, symbols, depth, definition: null, bindOnly);
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current:
                return LocalReachesSink(current, local.Local, symbols, depth, local, bindOnly);
            default:
                return false;
        }
    }

    private static bool LocalReachesSink(IOperation anywhere, ILocalSymbol local, SocketSymbols symbols, int depth, IOperation? definition, bool bindOnly)
    {
        var reads = SocketValueFlow.Reads(anywhere, local, definition);
        return reads is not null && reads.Any(read => ReachesSink(read, symbols, depth + 1, bindOnly));
    }

    private static bool IsSocketType(INamedTypeSymbol type, SocketSymbols symbols) =>
        symbols.Is(type, symbols.Socket) || symbols.Is(type, symbols.TcpClient) || symbols.Is(type, symbols.UdpClient)
        || symbols.Is(type, symbols.TcpListener) || symbols.Is(type, symbols.KestrelServerOptions);
}
