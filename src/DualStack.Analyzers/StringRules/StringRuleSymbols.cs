using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// The framework types the string, URL, DNS and validation rules (DS1008–DS1016) look for, matched by full name
/// (<see cref="KnownType"/>: no lookup per compilation, the cost that dominated these rules' set-up on small projects).
/// A type the compilation lacks (no ASP.NET Core, no gRPC) simply never matches.
/// </summary>
internal sealed class StringRuleSymbols
{
    private StringRuleSymbols(Compilation compilation)
    {
        Array = compilation.GetSpecialType(SpecialType.System_Array);
        String = compilation.GetSpecialType(SpecialType.System_String);
    }


    /// <summary>True when <paramref name="type"/> is one of the types with a network sink member.</summary>
    public static bool IsSinkType(ITypeSymbol type) =>
        SinkTypesByName.TryGetValue(type.MetadataName, out var known) && known.Matches(type);

    public KnownType IPAddress => KnownIPAddress;

    private static readonly KnownType KnownIPAddress = new("System.Net.IPAddress");

    public KnownType IPEndPoint => KnownIPEndPoint;

    private static readonly KnownType KnownIPEndPoint = new("System.Net.IPEndPoint");

    public KnownType DnsEndPoint => KnownDnsEndPoint;

    private static readonly KnownType KnownDnsEndPoint = new("System.Net.DnsEndPoint");

    public KnownType EndPoint => KnownEndPoint;

    private static readonly KnownType KnownEndPoint = new("System.Net.EndPoint");

    public KnownType Dns => KnownDns;

    private static readonly KnownType KnownDns = new("System.Net.Dns");

    public KnownType IPHostEntry => KnownIPHostEntry;

    private static readonly KnownType KnownIPHostEntry = new("System.Net.IPHostEntry");

    public KnownType Uri => KnownUri;

    private static readonly KnownType KnownUri = new("System.Uri");

    public KnownType UriBuilder => KnownUriBuilder;

    private static readonly KnownType KnownUriBuilder = new("System.UriBuilder");

    public KnownType UriHostNameType => KnownUriHostNameType;

    private static readonly KnownType KnownUriHostNameType = new("System.UriHostNameType");

    public KnownType HttpClient => KnownHttpClient;

    private static readonly KnownType KnownHttpClient = new("System.Net.Http.HttpClient");

    public KnownType HttpRequestMessage => KnownHttpRequestMessage;

    private static readonly KnownType KnownHttpRequestMessage = new("System.Net.Http.HttpRequestMessage");

    public KnownType Socket => KnownSocket;

    private static readonly KnownType KnownSocket = new("System.Net.Sockets.Socket");

    public KnownType TcpClient => KnownTcpClient;

    private static readonly KnownType KnownTcpClient = new("System.Net.Sockets.TcpClient");

    public KnownType UdpClient => KnownUdpClient;

    private static readonly KnownType KnownUdpClient = new("System.Net.Sockets.UdpClient");

    public KnownType TcpListener => KnownTcpListener;

    private static readonly KnownType KnownTcpListener = new("System.Net.Sockets.TcpListener");

    public KnownType AddressFamily => KnownAddressFamily;

    private static readonly KnownType KnownAddressFamily = new("System.Net.Sockets.AddressFamily");

    public KnownType HttpListenerPrefixCollection => KnownHttpListenerPrefixCollection;

    private static readonly KnownType KnownHttpListenerPrefixCollection = new("System.Net.HttpListenerPrefixCollection");

    public KnownType Environment => KnownEnvironment;

    private static readonly KnownType KnownEnvironment = new("System.Environment");

    public KnownType Enumerable => KnownEnumerable;

    private static readonly KnownType KnownEnumerable = new("System.Linq.Enumerable");

    public INamedTypeSymbol Array { get; }
    public INamedTypeSymbol String { get; }
    public KnownType Regex => KnownRegex;

    private static readonly KnownType KnownRegex = new("System.Text.RegularExpressions.Regex");

    public KnownType IPInterfaceProperties => KnownIPInterfaceProperties;

    private static readonly KnownType KnownIPInterfaceProperties = new("System.Net.NetworkInformation.IPInterfaceProperties");

    public KnownType NetworkInterface => KnownNetworkInterface;

    private static readonly KnownType KnownNetworkInterface = new("System.Net.NetworkInformation.NetworkInterface");

    public KnownType NetworkInformationException => KnownNetworkInformationException;

    private static readonly KnownType KnownNetworkInformationException = new("System.Net.NetworkInformation.NetworkInformationException");

    public KnownType GrpcChannel => KnownGrpcChannel;

    private static readonly KnownType KnownGrpcChannel = new("Grpc.Net.Client.GrpcChannel");

    public KnownType WebHostBuilderExtensions => KnownWebHostBuilderExtensions;

    private static readonly KnownType KnownWebHostBuilderExtensions = new("Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions");

    public KnownType IWebHostBuilder => KnownIWebHostBuilder;

    private static readonly KnownType KnownIWebHostBuilder = new("Microsoft.AspNetCore.Hosting.IWebHostBuilder");

    public KnownType WebApplication => KnownWebApplication;

    private static readonly KnownType KnownWebApplication = new("Microsoft.AspNetCore.Builder.WebApplication");

    public KnownType WebHost => KnownWebHost;

    private static readonly KnownType KnownWebHost = new("Microsoft.AspNetCore.WebHost");

    public KnownType IServerAddressesFeature => KnownIServerAddressesFeature;

    private static readonly KnownType KnownIServerAddressesFeature = new("Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature");

    public KnownType IConfiguration => KnownIConfiguration;

    private static readonly KnownType KnownIConfiguration = new("Microsoft.Extensions.Configuration.IConfiguration");


    // Declared after the Known* fields: static initializers run in textual order.
    /// <summary>
    /// Every type with a member that parses an address, host or URL string (the network sinks), by simple name, for a
    /// one-lookup rejection of the calls that have nothing to do with networking; <see cref="IsSinkType"/> then checks
    /// the namespace.
    /// </summary>
    private static readonly Dictionary<string, KnownType> SinkTypesByName = new[]
    {
        KnownIPAddress, KnownIPEndPoint, KnownUri, KnownUriBuilder, KnownHttpClient, KnownHttpRequestMessage, KnownGrpcChannel, KnownSocket,
        KnownTcpClient, KnownUdpClient, KnownDnsEndPoint, KnownWebHostBuilderExtensions, KnownIWebHostBuilder, KnownWebApplication, KnownWebHost,
        KnownEnvironment,
    }.ToDictionary(t => t.MetadataName, StringComparer.Ordinal);

    public static StringRuleSymbols Create(Compilation compilation) => new(compilation);

    /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> (null-safe, symbol equality).</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> (by full name).</summary>
    public static bool Is(ITypeSymbol? type, KnownType expected) => expected.Matches(type);

    /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> or derives from it.</summary>
    public static bool IsOrDerives(ITypeSymbol? type, KnownType expected) => expected.MatchesOrBase(type);

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
