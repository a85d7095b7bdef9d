using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.Sockets;

/// <summary>
/// The System.Net symbols the socket and address rules (DS1001–DS1007, DS1015) match, resolved once per compilation.
/// Matching by symbol rather than by name keeps user types called <c>Socket</c> or <c>Any</c> out of the rules.
/// </summary>
internal sealed class SocketSymbols
{
    private SocketSymbols(Compilation compilation, INamedTypeSymbol ipAddress)
    {
        IPAddress = ipAddress;
        IPEndPoint = compilation.GetTypeByMetadataName("System.Net.IPEndPoint");
        EndPoint = compilation.GetTypeByMetadataName("System.Net.EndPoint");
        Dns = compilation.GetTypeByMetadataName("System.Net.Dns");
        IPHostEntry = compilation.GetTypeByMetadataName("System.Net.IPHostEntry");
        AddressFamily = compilation.GetTypeByMetadataName("System.Net.Sockets.AddressFamily");
        Socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
        TcpListener = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpListener");
        TcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
        UdpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.UdpClient");
        KestrelServerOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions");
        ConnectionListenerFactory = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Connections.IConnectionListenerFactory");
        BitConverter = compilation.GetTypeByMetadataName("System.BitConverter");
        SocketOptionName = compilation.GetTypeByMetadataName("System.Net.Sockets.SocketOptionName");
        MulticastOption = compilation.GetTypeByMetadataName("System.Net.Sockets.MulticastOption");
        NetworkInterfaceComponent = compilation.GetTypeByMetadataName("System.Net.NetworkInformation.NetworkInterfaceComponent");

        Any = Field(ipAddress, "Any");
        IPv6Any = Field(ipAddress, "IPv6Any");
        Loopback = Field(ipAddress, "Loopback");
        IPv6Loopback = Field(ipAddress, "IPv6Loopback");
        Broadcast = Field(ipAddress, "Broadcast");
        None = Field(ipAddress, "None");
    }

    public INamedTypeSymbol IPAddress { get; }

    public INamedTypeSymbol? IPEndPoint { get; }

    public INamedTypeSymbol? EndPoint { get; }

    public INamedTypeSymbol? Dns { get; }

    public INamedTypeSymbol? IPHostEntry { get; }

    public INamedTypeSymbol? AddressFamily { get; }

    public INamedTypeSymbol? Socket { get; }

    public INamedTypeSymbol? TcpListener { get; }

    public INamedTypeSymbol? TcpClient { get; }

    public INamedTypeSymbol? UdpClient { get; }

    /// <summary>Present only in ASP.NET Core projects.</summary>
    public INamedTypeSymbol? KestrelServerOptions { get; }

    /// <summary>ASP.NET Core's transport abstraction: <c>BindAsync(EndPoint)</c> listens (Kestrel, Orleans, YARP).</summary>
    public INamedTypeSymbol? ConnectionListenerFactory { get; }

    public INamedTypeSymbol? BitConverter { get; }

    public INamedTypeSymbol? SocketOptionName { get; }

    public INamedTypeSymbol? MulticastOption { get; }

    public INamedTypeSymbol? NetworkInterfaceComponent { get; }

    public IFieldSymbol? Any { get; }

    public IFieldSymbol? IPv6Any { get; }

    public IFieldSymbol? Loopback { get; }

    public IFieldSymbol? IPv6Loopback { get; }

    public IFieldSymbol? Broadcast { get; }

    public IFieldSymbol? None { get; }

    /// <summary>The numeric values of <c>AddressFamily.InterNetwork</c> and <c>InterNetworkV6</c>; fixed by the OS ABI.</summary>
    public const int InterNetwork = 2;

    public const int InterNetworkV6 = 23;

    // Nine analyzers start on the same compilation; resolving these fifteen types once for all of them, rather than
    // once per analyzer, is most of their per-compilation set-up on repositories of many small projects. The table
    // holds each entry only as long as its compilation lives.
    private static readonly ConditionalWeakTable<Compilation, Resolved> PerCompilation = new();

    /// <summary>Returns null when System.Net is not referenced: no rule of this area can fire then.</summary>
    public static SocketSymbols? TryCreate(Compilation compilation) =>
        PerCompilation.GetValue(compilation, static c => new Resolved(Resolve(c))).Symbols;

    private static SocketSymbols? Resolve(Compilation compilation)
    {
        var ipAddress = compilation.GetTypeByMetadataName("System.Net.IPAddress");
        return ipAddress is null ? null : new SocketSymbols(compilation, ipAddress);
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
            var assembly = (Socket ?? (ISymbol)IPAddress).ContainingAssembly?.Name;
            return assembly is "System" or "netstandard";
        }
    }

    /// <summary>
    /// True on .NET Framework only (sockets in System.dll). .NET Standard libraries are not included: most run on
    /// .NET Core too, where <c>TcpClient()</c> is dual-mode, and a warning there would often be wrong.
    /// </summary>
    public bool TargetsNetFramework => (Socket ?? (ISymbol)IPAddress).ContainingAssembly?.Name == "System";

    public bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>An IPAddress field that always holds an IPv4 address (Any, Loopback, Broadcast, None).</summary>
    public bool IsIPv4AddressField(IFieldSymbol field) =>
        SymbolEqualityComparer.Default.Equals(field, Any) || SymbolEqualityComparer.Default.Equals(field, Loopback)
        || SymbolEqualityComparer.Default.Equals(field, Broadcast) || SymbolEqualityComparer.Default.Equals(field, None);

    private static IFieldSymbol? Field(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault();
}
