using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.Sockets;

/// <summary>
/// The System.Net types the socket and address rules (DS1001–DS1007, DS1015) match. Only <c>IPAddress</c> is looked up,
/// once per compilation (its absence means no rule of this area can fire, its assembly tells the target framework, and
/// its fields are compared by symbol); the other types are matched by full name (<see cref="KnownType"/>), which needs
/// no per-compilation lookup. Matching by namespace and name, not by simple name, keeps user types called
/// <c>Socket</c> or <c>Any</c> out of the rules.
/// </summary>
internal sealed class SocketSymbols
{
    private SocketSymbols(INamedTypeSymbol ipAddress)
    {
        IPAddress = ipAddress;

        Any = Field(ipAddress, "Any");
        IPv6Any = Field(ipAddress, "IPv6Any");
        Loopback = Field(ipAddress, "Loopback");
        IPv6Loopback = Field(ipAddress, "IPv6Loopback");
        Broadcast = Field(ipAddress, "Broadcast");
        None = Field(ipAddress, "None");
    }

    public INamedTypeSymbol IPAddress { get; }

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

    public IFieldSymbol? Any { get; }

    public IFieldSymbol? IPv6Any { get; }

    public IFieldSymbol? Loopback { get; }

    public IFieldSymbol? IPv6Loopback { get; }

    public IFieldSymbol? Broadcast { get; }

    public IFieldSymbol? None { get; }

    /// <summary>The numeric values of <c>AddressFamily.InterNetwork</c> and <c>InterNetworkV6</c>; fixed by the OS ABI.</summary>
    public const int InterNetwork = 2;

    public const int InterNetworkV6 = 23;

    // Ten analyzers start on the same compilation; resolving IPAddress and its fields once for all of them keeps their
    // set-up to one lookup per compilation. The table holds each entry only as long as its compilation lives.
    private static readonly ConditionalWeakTable<Compilation, Resolved> PerCompilation = new();

    /// <summary>Returns null when System.Net is not referenced: no rule of this area can fire then.</summary>
    public static SocketSymbols? TryCreate(Compilation compilation) =>
        PerCompilation.GetValue(compilation, static c => new Resolved(Resolve(c))).Symbols;

    private static SocketSymbols? Resolve(Compilation compilation)
    {
        var ipAddress = compilation.GetTypeByMetadataName("System.Net.IPAddress");
        return ipAddress is null ? null : new SocketSymbols(ipAddress);
    }

    /// <summary>A holder, since the table cannot store the null of a compilation without System.Net.</summary>
    private sealed class Resolved(SocketSymbols? symbols)
    {
        public SocketSymbols? Symbols { get; } = symbols;
    }

    /// <summary>
    /// True on .NET Framework (sockets in System.dll) and .NET Standard (which may run on .NET Framework), where
    /// <c>TcpClient()</c> is IPv4-only and <c>Socket(SocketType, ProtocolType)</c> has no IPv4 fallback.
    /// </summary>
    public bool MayRunOnNetFramework
    {
        get
        {
            var assembly = IPAddress.ContainingAssembly?.Name;
            return assembly is "System" or "netstandard";
        }
    }

    /// <summary>
    /// True on .NET Framework only (sockets in System.dll). .NET Standard libraries are not included: most run on
    /// .NET Core too, where <c>TcpClient()</c> is dual-mode, and a warning there would often be wrong.
    /// </summary>
    public bool TargetsNetFramework => IPAddress.ContainingAssembly?.Name == "System";

    public bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    public bool Is(ITypeSymbol? type, KnownType expected) => expected.Matches(type);

    /// <summary>An IPAddress field that always holds an IPv4 address (Any, Loopback, Broadcast, None).</summary>
    public bool IsIPv4AddressField(IFieldSymbol field) =>
        SymbolEqualityComparer.Default.Equals(field, Any) || SymbolEqualityComparer.Default.Equals(field, Loopback)
        || SymbolEqualityComparer.Default.Equals(field, Broadcast) || SymbolEqualityComparer.Default.Equals(field, None);

    private static IFieldSymbol? Field(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault();
}
