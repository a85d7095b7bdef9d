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
    private StringRuleSymbols()
    {
    }

    /// <summary>True when <paramref name="type"/> is one of the types with a network sink member.</summary>
    public static bool IsSinkType(ITypeSymbol type) =>
        SinkTypesByName.TryGetValue(type.MetadataName, out var known) && known.Matches(type);

    public KnownType IPAddress => KnownTypes.IPAddress;

    public KnownType IPEndPoint => KnownTypes.IPEndPoint;

    public KnownType DnsEndPoint => KnownTypes.DnsEndPoint;

    public KnownType EndPoint => KnownTypes.EndPoint;

    public KnownType Dns => KnownTypes.Dns;

    public KnownType IPHostEntry => KnownTypes.IPHostEntry;

    public KnownType Uri => KnownTypes.Uri;

    public KnownType UriBuilder => KnownTypes.UriBuilder;

    public KnownType UriHostNameType => KnownTypes.UriHostNameType;

    public KnownType HttpClient => KnownTypes.HttpClient;

    public KnownType HttpRequestMessage => KnownTypes.HttpRequestMessage;

    public KnownType Socket => KnownTypes.Socket;

    public KnownType TcpClient => KnownTypes.TcpClient;

    public KnownType UdpClient => KnownTypes.UdpClient;

    public KnownType TcpListener => KnownTypes.TcpListener;

    public KnownType AddressFamily => KnownTypes.AddressFamily;

    public KnownType HttpListenerPrefixCollection => KnownTypes.HttpListenerPrefixCollection;

    public KnownType Environment => KnownTypes.Environment;

    public KnownType Enumerable => KnownTypes.Enumerable;

    public KnownType Regex => KnownTypes.Regex;

    public KnownType IPInterfaceProperties => KnownTypes.IPInterfaceProperties;

    public KnownType NetworkInterface => KnownTypes.NetworkInterface;

    public KnownType NetworkInformationException => KnownTypes.NetworkInformationException;

    public KnownType GrpcChannel => KnownTypes.GrpcChannel;

    public KnownType WebHostBuilderExtensions => KnownTypes.WebHostBuilderExtensions;

    public KnownType IWebHostBuilder => KnownTypes.IWebHostBuilder;

    public KnownType WebApplication => KnownTypes.WebApplication;

    public KnownType WebHost => KnownTypes.WebHost;

    public KnownType IServerAddressesFeature => KnownTypes.IServerAddressesFeature;

    public KnownType IConfiguration => KnownTypes.IConfiguration;

    /// <summary>
    /// Every type with a member that parses an address, host or URL string (the network sinks), by simple name, for a
    /// one-lookup rejection of the calls that have nothing to do with networking; <see cref="IsSinkType"/> then checks
    /// the namespace.
    /// </summary>
    private static readonly Dictionary<string, KnownType> SinkTypesByName = new[]
    {
        KnownTypes.IPAddress, KnownTypes.IPEndPoint, KnownTypes.Uri, KnownTypes.UriBuilder, KnownTypes.HttpClient,
        KnownTypes.HttpRequestMessage, KnownTypes.GrpcChannel, KnownTypes.Socket, KnownTypes.TcpClient, KnownTypes.UdpClient,
        KnownTypes.DnsEndPoint, KnownTypes.WebHostBuilderExtensions, KnownTypes.IWebHostBuilder, KnownTypes.WebApplication,
        KnownTypes.WebHost, KnownTypes.Environment,
    }.ToDictionary(t => t.MetadataName, StringComparer.Ordinal);

    /// <summary>The one set: nothing in it depends on the compilation, so every analyzer shares it.</summary>
    public static StringRuleSymbols Instance { get; } = new();

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
