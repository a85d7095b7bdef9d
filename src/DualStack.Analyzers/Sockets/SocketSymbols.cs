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

    public KnownType IPAddress => KnownIPAddress;

    internal static readonly KnownType KnownIPAddress = new("System.Net.IPAddress");

    public KnownType IPEndPoint => KnownIPEndPoint;

    private static readonly KnownType KnownIPEndPoint = new("System.Net.IPEndPoint");

    public KnownType EndPoint => KnownEndPoint;

    private static readonly KnownType KnownEndPoint = new("System.Net.EndPoint");

    public KnownType Dns => KnownDns;

    private static readonly KnownType KnownDns = new("System.Net.Dns");

    public KnownType IPHostEntry => KnownIPHostEntry;

    private static readonly KnownType KnownIPHostEntry = new("System.Net.IPHostEntry");

    public KnownType AddressFamily => KnownAddressFamily;

    private static readonly KnownType KnownAddressFamily = new("System.Net.Sockets.AddressFamily");

    public KnownType Socket => KnownSocket;

    private static readonly KnownType KnownSocket = new("System.Net.Sockets.Socket");

    public KnownType TcpListener => KnownTcpListener;

    private static readonly KnownType KnownTcpListener = new("System.Net.Sockets.TcpListener");

    public KnownType TcpClient => KnownTcpClient;

    private static readonly KnownType KnownTcpClient = new("System.Net.Sockets.TcpClient");

    public KnownType UdpClient => KnownUdpClient;

    private static readonly KnownType KnownUdpClient = new("System.Net.Sockets.UdpClient");

    /// <summary>Present only in ASP.NET Core projects.</summary>
    public KnownType KestrelServerOptions => KnownKestrelServerOptions;

    private static readonly KnownType KnownKestrelServerOptions = new("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions");

    /// <summary>ASP.NET Core's transport abstraction: <c>BindAsync(EndPoint)</c> listens (Kestrel, Orleans, YARP).</summary>
    public KnownType ConnectionListenerFactory => KnownConnectionListenerFactory;

    private static readonly KnownType KnownConnectionListenerFactory = new("Microsoft.AspNetCore.Connections.IConnectionListenerFactory");

    public KnownType BitConverter => KnownBitConverter;

    private static readonly KnownType KnownBitConverter = new("System.BitConverter");

    public KnownType SocketOptionName => KnownSocketOptionName;

    private static readonly KnownType KnownSocketOptionName = new("System.Net.Sockets.SocketOptionName");

    public KnownType MulticastOption => KnownMulticastOption;

    private static readonly KnownType KnownMulticastOption = new("System.Net.Sockets.MulticastOption");

    public KnownType NetworkInterfaceComponent => KnownNetworkInterfaceComponent;

    private static readonly KnownType KnownNetworkInterfaceComponent = new("System.Net.NetworkInformation.NetworkInterfaceComponent");

    public KnownMember Any { get; } = new(KnownIPAddress, "Any");

    public KnownMember IPv6Any { get; } = new(KnownIPAddress, "IPv6Any");

    public KnownMember Loopback { get; } = new(KnownIPAddress, "Loopback");

    public KnownMember IPv6Loopback { get; } = new(KnownIPAddress, "IPv6Loopback");

    public KnownMember Broadcast { get; } = new(KnownIPAddress, "Broadcast");

    public KnownMember None { get; } = new(KnownIPAddress, "None");

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
        _ipAddressAssembly ??= _compilation.GetTypeByMetadataName(KnownIPAddress.FullName)?.ContainingAssembly?.Name ?? "";

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
        field.Name is "Any" or "Loopback" or "Broadcast" or "None" && KnownIPAddress.Matches(field.ContainingType);
}
