using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Sockets;

/// <summary>
/// How a socket (or TcpClient/UdpClient) created in a member is used there: connected, bound, or handed elsewhere.
/// Only the local or field that receives the new object is tracked, and only inside the same member.
/// </summary>
internal sealed class SocketUsage
{
    // Members that keep working unchanged on a dual-mode socket that was only connected.
    private static readonly HashSet<string> ConnectedOnlyMembers = new(StringComparer.Ordinal)
    {
        "Connect", "ConnectAsync", "BeginConnect", "EndConnect", "Send", "SendAsync", "BeginSend", "EndSend",
        "Receive", "ReceiveAsync", "BeginReceive", "EndReceive", "Shutdown", "Close", "Dispose", "Disconnect",
        "DisconnectAsync", "Poll", "NoDelay", "ReceiveTimeout", "SendTimeout", "ReceiveBufferSize", "SendBufferSize",
        "Blocking", "Connected", "Available", "LingerState",
    };

    private static readonly HashSet<string> ConnectMembers = new(StringComparer.Ordinal) { "Connect", "ConnectAsync", "BeginConnect" };

    private static readonly HashSet<string> SendMembers = new(StringComparer.Ordinal) { "Send", "SendAsync", "SendTo", "SendToAsync", "BeginSend", "BeginSendTo" };

    private static readonly HashSet<string> ServerMembers = new(StringComparer.Ordinal) { "Bind", "Listen", "Accept", "AcceptAsync", "BeginAccept", "JoinMulticastGroup" };

    private SocketUsage()
    {
    }

    /// <summary>Connect, ConnectAsync or BeginConnect is called on it.</summary>
    public bool IsConnected { get; private set; }

    /// <summary>It is bound, listens, accepts or joins a multicast group: a server or receiver, not an outbound connection.</summary>
    public bool IsServer { get; private set; }

    /// <summary>Every use is one that a dual-mode socket supports unchanged, and the object never leaves the member.</summary>
    public bool IsOnlyConnected { get; private set; }

    /// <summary>A connect or send call whose target is a known IPv4 address (IPAddress.Loopback, Broadcast …).</summary>
    public bool ConnectsToIPv4Address { get; private set; }

    /// <summary>
    /// A connect call whose target is a host name: a string host (<c>ConnectAsync(host, port)</c>), a
    /// <c>DnsEndPoint</c>, or a value typed as the abstract <c>EndPoint</c>, which admits a <c>DnsEndPoint</c>. The name is
    /// resolved for the socket's family only, so a name with only IPv6 addresses cannot be reached: proven, not guessed.
    /// </summary>
    public bool ConnectsToName { get; private set; }

    /// <summary>The usage of the object <paramref name="creation"/> produces, or null when it is not stored in a local or field.</summary>
    public static SocketUsage? Of(IObjectCreationOperation creation, SocketSymbols symbols)
    {
        var target = StoredIn(creation);
        if (target is null)
        {
            return null;
        }

        var usage = new SocketUsage { IsOnlyConnected = target is ILocalSymbol };
        foreach (var operation in SocketValueFlow.Root(creation).Descendants())
        {
            var referenced = operation switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IFieldReferenceOperation field => field.Field,
                _ => null,
            };

            if (referenced is null || !SymbolEqualityComparer.Default.Equals(referenced, target) || IsDefinition(operation))
            {
                continue;
            }

            usage.Observe(operation, symbols);
        }

        usage.IsOnlyConnected &= usage.IsConnected && !usage.IsServer;
        return usage;
    }

    private void Observe(IOperation reference, SocketSymbols symbols)
    {
        var member = reference.Parent switch
        {
            IInvocationOperation invocation when invocation.Instance == reference => invocation.TargetMethod,
            IPropertyReferenceOperation property when property.Instance == reference => (ISymbol)property.Property,
            _ => null,
        };

        if (member is null)
        {
            // A using statement disposes it; anything else (argument, return, assignment) lets it escape.
            if (reference.Parent is not IUsingOperation && !IsNetworkStreamArgument(reference))
            {
                IsOnlyConnected = false;
            }

            return;
        }

        if (ConnectMembers.Contains(member.Name) || SendMembers.Contains(member.Name))
        {
            IsConnected |= ConnectMembers.Contains(member.Name);
            var invocation = (IInvocationOperation)reference.Parent!;
            if (invocation.Arguments.Any(a => IsIPv4Target(a.Value, symbols)))
            {
                ConnectsToIPv4Address = true;
            }
            else if (ConnectMembers.Contains(member.Name) && invocation.Arguments.Length > 0 && IsNameTarget(invocation.Arguments[0].Value, symbols))
            {
                ConnectsToName = true;
            }
        }
        else if (ServerMembers.Contains(member.Name))
        {
            IsServer = true;
        }

        if (!ConnectedOnlyMembers.Contains(member.Name))
        {
            IsOnlyConnected = false;
        }
    }

    private static bool IsIPv4Target(IOperation target, SocketSymbols symbols)
    {
        if (!symbols.Is(target.Type, symbols.IPAddress) && !symbols.Is(SocketValueFlow.SkipConversions(target).Type, symbols.IPEndPoint))
        {
            return false;
        }

        var value = SocketValues.EndPointCreation(target, symbols) is { } endPoint ? SocketValues.ArgumentFor(endPoint, 0) : target;
        return value is not null && SocketValueFlow.Resolve(value) is IFieldReferenceOperation field && symbols.IsIPv4AddressField(field.Field);
    }

    /// <summary>A host string that is not an IPv4 literal, a <c>DnsEndPoint</c>, or a value whose static type is <c>EndPoint</c>.</summary>
    private static bool IsNameTarget(IOperation target, SocketSymbols symbols)
    {
        var value = SocketValueFlow.SkipConversions(target);
        if (value.Type?.SpecialType == SpecialType.System_String)
        {
            return SocketValueFlow.Resolve(value).ConstantValue is not { HasValue: true, Value: string text } || !StringRules.IPv4LiteralText.IsDottedQuad(text);
        }

        return value.Type is { Name: "DnsEndPoint", ContainingNamespace.Name: "Net" }
            || (value.Type is not null && symbols.Is(value.Type, symbols.EndPoint));
    }

    private static bool IsNetworkStreamArgument(IOperation reference) =>
        reference.Parent is IArgumentOperation { Parent: IObjectCreationOperation { Type.Name: "NetworkStream" } };

    private static ISymbol? StoredIn(IObjectCreationOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
            _ => null,
        };
    }

    private static bool IsDefinition(IOperation reference) =>
        reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference;
}
