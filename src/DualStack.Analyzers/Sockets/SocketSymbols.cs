using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.Sockets;

/// <summary>
/// The System.Net types and fields the socket and address rules (DS1001–DS1007, DS1015) match, by full name
/// (<see cref="KnownType"/>, <see cref="KnownMember"/>): no lookup per compilation, which cost more than these rules'
/// own work on small projects. Matching by namespace and name, not by simple name, keeps user types called
/// <c>Socket</c> or fields called <c>Any</c> out of the rules.
/// </summary>
internal sealed class SocketSymbols
{
    private readonly Compilation _compilation;
    private string? _ipAddressAssembly;

    private SocketSymbols(Compilation compilation) => _compilation = compilation;

    public KnownType IPAddress => KnownTypes.IPAddress;

    public KnownType IPEndPoint => KnownTypes.IPEndPoint;

    public KnownType EndPoint => KnownTypes.EndPoint;

    public KnownType Dns => KnownTypes.Dns;

    public KnownType IPHostEntry => KnownTypes.IPHostEntry;

    public KnownType AddressFamily => KnownTypes.AddressFamily;

    public KnownType Socket => KnownTypes.Socket;

    public KnownType TcpListener => KnownTypes.TcpListener;

    public KnownType TcpClient => KnownTypes.TcpClient;

    public KnownType UdpClient => KnownTypes.UdpClient;

    /// <summary>Present only in ASP.NET Core projects.</summary>
    public KnownType KestrelServerOptions => KnownTypes.KestrelServerOptions;

    /// <summary>ASP.NET Core's transport abstraction: <c>BindAsync(EndPoint)</c> listens (Kestrel, Orleans, YARP).</summary>
    public KnownType ConnectionListenerFactory => KnownTypes.ConnectionListenerFactory;

    public KnownType BitConverter => KnownTypes.BitConverter;

    public KnownType SocketOptionName => KnownTypes.SocketOptionName;

    public KnownType MulticastOption => KnownTypes.MulticastOption;

    public KnownType NetworkInterfaceComponent => KnownTypes.NetworkInterfaceComponent;

    public KnownMember Any { get; } = new(KnownTypes.IPAddress, "Any");

    public KnownMember IPv6Any { get; } = new(KnownTypes.IPAddress, "IPv6Any");

    public KnownMember Loopback { get; } = new(KnownTypes.IPAddress, "Loopback");

    public KnownMember IPv6Loopback { get; } = new(KnownTypes.IPAddress, "IPv6Loopback");

    public KnownMember Broadcast { get; } = new(KnownTypes.IPAddress, "Broadcast");

    public KnownMember None { get; } = new(KnownTypes.IPAddress, "None");

    /// <summary>The numeric values of <c>AddressFamily.InterNetwork</c> and <c>InterNetworkV6</c>; fixed by the OS ABI.</summary>
    public const int InterNetwork = 2;

    public const int InterNetworkV6 = 23;

    // One instance per compilation, shared by the ten analyzers that use it; the table holds each entry only as long
    // as its compilation lives.
    private static readonly ConditionalWeakTable<Compilation, SocketSymbols> PerCompilation = new();

    public static SocketSymbols For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new SocketSymbols(c));

    /// <summary>
    /// The assembly that defines <c>IPAddress</c>, looked up only when the build did not say which framework it
    /// targets (no <c>build_property.TargetFramework</c>): System.dll on .NET Framework, netstandard.dll for .NET
    /// Standard. Empty when the compilation has no System.Net.
    /// </summary>
    private string IPAddressAssembly =>
        _ipAddressAssembly ??= _compilation.GetTypeByMetadataName(KnownTypes.IPAddress.FullName)?.ContainingAssembly?.Name ?? "";

    /// <summary>
    /// True on .NET Framework (sockets in System.dll) and .NET Standard (which may run on .NET Framework), where
    /// <c>TcpClient()</c> is IPv4-only and <c>Socket(SocketType, ProtocolType)</c> has no IPv4 fallback.
    /// </summary>
    public bool MayRunOnNetFramework
    {
        get
        {
            var assembly = IPAddressAssembly;
            return assembly is "System" or "netstandard";
        }
    }

    /// <summary>
    /// True on .NET Framework only (sockets in System.dll). .NET Standard libraries are not included: most run on
    /// .NET Core too, where <c>TcpClient()</c> is dual-mode, and a warning there would often be wrong.
    /// </summary>
    public bool TargetsNetFramework => IPAddressAssembly == "System";

    public bool Is(ITypeSymbol? type, KnownType expected) => expected.Matches(type);

    /// <summary>An IPAddress field that always holds an IPv4 address (Any, Loopback, Broadcast, None).</summary>
    public bool IsIPv4AddressField(IFieldSymbol field) =>
        field.Name is "Any" or "Loopback" or "Broadcast" or "None" && KnownTypes.IPAddress.Matches(field.ContainingType);
}
