using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// The framework types the string, URL, DNS and validation rules (DS1008–DS1016) look for, resolved once per
/// compilation. Any of them may be absent (no ASP.NET Core, no gRPC): each check treats a null type as "never matches".
/// </summary>
internal sealed class StringRuleSymbols
{
    private StringRuleSymbols(Compilation compilation)
    {
        IPAddress = compilation.GetTypeByMetadataName("System.Net.IPAddress");
        IPEndPoint = compilation.GetTypeByMetadataName("System.Net.IPEndPoint");
        DnsEndPoint = compilation.GetTypeByMetadataName("System.Net.DnsEndPoint");
        EndPoint = compilation.GetTypeByMetadataName("System.Net.EndPoint");
        Dns = compilation.GetTypeByMetadataName("System.Net.Dns");
        IPHostEntry = compilation.GetTypeByMetadataName("System.Net.IPHostEntry");
        Uri = compilation.GetTypeByMetadataName("System.Uri");
        UriBuilder = compilation.GetTypeByMetadataName("System.UriBuilder");
        UriHostNameType = compilation.GetTypeByMetadataName("System.UriHostNameType");
        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        HttpRequestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
        Socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
        TcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
        UdpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.UdpClient");
        TcpListener = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpListener");
        AddressFamily = compilation.GetTypeByMetadataName("System.Net.Sockets.AddressFamily");
        HttpListenerPrefixCollection = compilation.GetTypeByMetadataName("System.Net.HttpListenerPrefixCollection");
        Environment = compilation.GetTypeByMetadataName("System.Environment");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        Array = compilation.GetSpecialType(SpecialType.System_Array);
        String = compilation.GetSpecialType(SpecialType.System_String);
        Regex = compilation.GetTypeByMetadataName("System.Text.RegularExpressions.Regex");
        IPInterfaceProperties = compilation.GetTypeByMetadataName("System.Net.NetworkInformation.IPInterfaceProperties");
        NetworkInterface = compilation.GetTypeByMetadataName("System.Net.NetworkInformation.NetworkInterface");
        NetworkInformationException = compilation.GetTypeByMetadataName("System.Net.NetworkInformation.NetworkInformationException");
        GrpcChannel = compilation.GetTypeByMetadataName("Grpc.Net.Client.GrpcChannel");
        WebHostBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions");
        IWebHostBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IWebHostBuilder");
        WebApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
        WebHost = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.WebHost");
        IServerAddressesFeature = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature");
        IConfiguration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
        SinkTypes = new HashSet<ITypeSymbol>(
            new[] { IPAddress, IPEndPoint, Uri, UriBuilder, HttpClient, HttpRequestMessage, GrpcChannel, Socket, TcpClient, UdpClient, DnsEndPoint,
                WebHostBuilderExtensions, IWebHostBuilder, WebApplication, WebHost, Environment }.Where(t => t is not null)!,
            SymbolEqualityComparer.Default);
    }

    /// <summary>
    /// Every type with a member that parses an address, host or URL string (the network sinks), for a one-lookup
    /// rejection of the calls that have nothing to do with networking.
    /// </summary>
    public HashSet<ITypeSymbol> SinkTypes { get; }

    public INamedTypeSymbol? IPAddress { get; }
    public INamedTypeSymbol? IPEndPoint { get; }
    public INamedTypeSymbol? DnsEndPoint { get; }
    public INamedTypeSymbol? EndPoint { get; }
    public INamedTypeSymbol? Dns { get; }
    public INamedTypeSymbol? IPHostEntry { get; }
    public INamedTypeSymbol? Uri { get; }
    public INamedTypeSymbol? UriBuilder { get; }
    public INamedTypeSymbol? UriHostNameType { get; }
    public INamedTypeSymbol? HttpClient { get; }
    public INamedTypeSymbol? HttpRequestMessage { get; }
    public INamedTypeSymbol? Socket { get; }
    public INamedTypeSymbol? TcpClient { get; }
    public INamedTypeSymbol? UdpClient { get; }
    public INamedTypeSymbol? TcpListener { get; }
    public INamedTypeSymbol? AddressFamily { get; }
    public INamedTypeSymbol? HttpListenerPrefixCollection { get; }
    public INamedTypeSymbol? Environment { get; }
    public INamedTypeSymbol? Enumerable { get; }
    public INamedTypeSymbol Array { get; }
    public INamedTypeSymbol String { get; }
    public INamedTypeSymbol? Regex { get; }
    public INamedTypeSymbol? IPInterfaceProperties { get; }
    public INamedTypeSymbol? NetworkInterface { get; }
    public INamedTypeSymbol? NetworkInformationException { get; }
    public INamedTypeSymbol? GrpcChannel { get; }
    public INamedTypeSymbol? WebHostBuilderExtensions { get; }
    public INamedTypeSymbol? IWebHostBuilder { get; }
    public INamedTypeSymbol? WebApplication { get; }
    public INamedTypeSymbol? WebHost { get; }
    public INamedTypeSymbol? IServerAddressesFeature { get; }
    public INamedTypeSymbol? IConfiguration { get; }

    public static StringRuleSymbols Create(Compilation compilation) => new(compilation);

    /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> (null-safe, symbol equality).</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> or derives from it.</summary>
    public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        for (var t = type; t is not null && expected is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type is <c>IConfiguration</c> or implements it (<c>ConfigurationManager</c>, <c>IConfigurationRoot</c>).</summary>
    public bool IsConfiguration(ITypeSymbol? type) =>
        type is not null && (Is(type, IConfiguration) || type.AllInterfaces.Any(i => Is(i, IConfiguration)));

    /// <summary>True when the field is <c>AddressFamily.InterNetwork</c> (value 2) or <c>InterNetworkV6</c> (23).</summary>
    public bool IsAddressFamilyConstant(IOperation operation, int value) =>
        operation.WalkDownConversions() is IFieldReferenceOperation field
        && Is(field.Field.ContainingType, AddressFamily)
        && field.Field.ConstantValue is int v && v == value;

    public const int InterNetwork = 2;
    public const int InterNetworkV6 = 23;
}
