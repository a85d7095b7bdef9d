using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Sockets;

/// <summary>
/// What one member body mentions that shows it already handles IPv6 (or must stay IPv4 by protocol). The rules stay
/// silent when these guards are present anywhere in the member: a sibling or dominating IPv6 branch is usually a few
/// lines away, and a missed true positive costs less than a noisy rule that users switch off.
/// Computed once per member, on the first candidate only (<see cref="MemberFacts"/>).
/// </summary>
internal sealed class SocketBlockFacts
{
    private SocketBlockFacts()
    {
    }

    /// <summary><c>IPAddress.IPv6Any</c> is used: the member binds both families or picks the family per address.</summary>
    public bool ReferencesIPv6Any { get; private set; }

    public bool ReferencesIPv6Loopback { get; private set; }

    /// <summary><c>AddressFamily.InterNetworkV6</c> is used: there is an IPv6 branch.</summary>
    public bool ReferencesInterNetworkV6 { get; private set; }

    /// <summary><c>AddressFamily.InterNetwork</c> is used: the member deliberately deals with IPv4 values.</summary>
    public bool ReferencesInterNetwork { get; private set; }

    /// <summary>The member looks at address families at all (reads one, or names either family).</summary>
    public bool IsFamilyAware => ReadsAddressFamily || ReferencesInterNetwork || ReferencesInterNetworkV6;

    public bool ReferencesIsIPv4MappedToIPv6 { get; private set; }

    /// <summary><c>Socket.OSSupportsIPv6</c> (or an equivalent) is checked somewhere in the member.</summary>
    public bool ChecksIPv6Support { get; private set; }

    /// <summary>An <c>AddressFamily</c> value is read from an address, endpoint or socket.</summary>
    public bool ReadsAddressFamily { get; private set; }

    /// <summary>IPv4 broadcast or multicast is used: the protocol itself is IPv4 (SSDP, mDNS, LAN discovery).</summary>
    public bool UsesIPv4BroadcastOrMulticast { get; private set; }

    /// <summary>The member mentions any IPv6 handling at all.</summary>
    public bool HandlesIPv6 => ReferencesIPv6Any || ReferencesInterNetworkV6 || ReferencesIPv6Loopback || ChecksIPv6Support;

    // One computation per member body, shared by every rule that asks (the operation tree is shared too).
    private static readonly ConditionalWeakTable<IOperation, SocketBlockFacts> Cache = new();

    /// <summary>The facts of the member body that contains <paramref name="operation"/>, computed on first request.</summary>
    public static SocketBlockFacts For(IOperation operation, SocketSymbols symbols) =>
        Cache.GetValue(SocketValueFlow.Root(operation), root => Compute(ImmutableArray.Create(root), symbols));

    public static SocketBlockFacts Compute(ImmutableArray<IOperation> blocks, SocketSymbols symbols)
    {
        var facts = new SocketBlockFacts();
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                facts.Observe(operation, symbols);
            }
        }

        return facts;
    }

    private void Observe(IOperation operation, SocketSymbols symbols)
    {
        switch (operation)
        {
            case IFieldReferenceOperation { Field: var field }:
                ObserveField(field, symbols);
                break;
            case IPropertyReferenceOperation { Property: var property }:
                ObserveProperty(property, symbols);
                break;
            case IInvocationOperation { TargetMethod: var method }:
                if (method.Name == "JoinMulticastGroup" && (symbols.Is(method.ContainingType, symbols.UdpClient) || symbols.Is(method.ContainingType, symbols.Socket)))
                {
                    UsesIPv4BroadcastOrMulticast = true;
                }

                break;
            case IObjectCreationOperation { Type: var type } when symbols.Is(type, symbols.MulticastOption):
                UsesIPv4BroadcastOrMulticast = true;
                break;
        }
    }

    private void ObserveField(IFieldSymbol field, SocketSymbols symbols)
    {
        if (symbols.IPv6Any.Matches(field))
        {
            ReferencesIPv6Any = true;
        }
        else if (symbols.IPv6Loopback.Matches(field))
        {
            ReferencesIPv6Loopback = true;
        }
        else if (symbols.Broadcast.Matches(field))
        {
            UsesIPv4BroadcastOrMulticast = true;
        }
        else if (symbols.Is(field.ContainingType, symbols.AddressFamily) && field.ConstantValue is int family)
        {
            ReferencesInterNetworkV6 |= family == SocketSymbols.InterNetworkV6;
            ReferencesInterNetwork |= family == SocketSymbols.InterNetwork;
        }
        else if (symbols.Is(field.ContainingType, symbols.SocketOptionName) && field.Name is "Broadcast" or "AddMembership")
        {
            UsesIPv4BroadcastOrMulticast = true;
        }
        else if (symbols.Is(field.ContainingType, symbols.NetworkInterfaceComponent) && field.Name == "IPv6")
        {
            ChecksIPv6Support = true;
        }
    }

    private void ObserveProperty(IPropertySymbol property, SocketSymbols symbols)
    {
        if (symbols.Is(property.ContainingType, symbols.Socket) && property.Name is "OSSupportsIPv6" or "SupportsIPv6" or "OSSupportsIPv6DualMode")
        {
            ChecksIPv6Support = true;
        }
        else if (symbols.Is(property.ContainingType, symbols.IPAddress) && property.Name == "IsIPv4MappedToIPv6")
        {
            ReferencesIsIPv4MappedToIPv6 = true;
        }
        else if (symbols.Is(property.Type, symbols.AddressFamily))
        {
            ReadsAddressFamily = true;
        }
        else if (property.Name == "EnableBroadcast" && (symbols.Is(property.ContainingType, symbols.UdpClient) || symbols.Is(property.ContainingType, symbols.Socket)))
        {
            UsesIPv4BroadcastOrMulticast = true;
        }
    }
}

/// <summary>
/// The facts of the member around an operation, computed only when a rule has a candidate and asks for
/// <see cref="Value"/>. A struct, so the common operation that is no candidate allocates nothing.
/// </summary>
internal readonly struct MemberFacts
{
    private readonly IOperation _operation;
    private readonly SocketSymbols _symbols;

    public MemberFacts(IOperation operation, SocketSymbols symbols)
    {
        _operation = operation;
        _symbols = symbols;
    }

    public SocketBlockFacts Value => SocketBlockFacts.For(_operation, _symbols);
}
