namespace DualStack.Analyzers;

/// <summary>
/// The framework types the DS1xxx rules match, one instance each, shared by the rule areas' symbol sets
/// (<c>SocketSymbols</c>, <c>StringRuleSymbols</c>): matched by full name (<see cref="KnownType"/>), never looked up.
/// </summary>
internal static class KnownTypes
{
    public static readonly KnownType AddressFamily = new("System.Net.Sockets.AddressFamily");

    public static readonly KnownType BitConverter = new("System.BitConverter");

    public static readonly KnownType ConnectionListenerFactory = new("Microsoft.AspNetCore.Connections.IConnectionListenerFactory");

    public static readonly KnownType Dns = new("System.Net.Dns");

    public static readonly KnownType DnsEndPoint = new("System.Net.DnsEndPoint");

    public static readonly KnownType EndPoint = new("System.Net.EndPoint");

    public static readonly KnownType Enumerable = new("System.Linq.Enumerable");

    public static readonly KnownType Environment = new("System.Environment");

    public static readonly KnownType GrpcChannel = new("Grpc.Net.Client.GrpcChannel");

    public static readonly KnownType HttpClient = new("System.Net.Http.HttpClient");

    public static readonly KnownType HttpListenerPrefixCollection = new("System.Net.HttpListenerPrefixCollection");

    public static readonly KnownType HttpRequestMessage = new("System.Net.Http.HttpRequestMessage");

    public static readonly KnownType IConfiguration = new("Microsoft.Extensions.Configuration.IConfiguration");

    public static readonly KnownType IPAddress = new("System.Net.IPAddress");

    public static readonly KnownType IPEndPoint = new("System.Net.IPEndPoint");

    public static readonly KnownType IPHostEntry = new("System.Net.IPHostEntry");

    public static readonly KnownType IPInterfaceProperties = new("System.Net.NetworkInformation.IPInterfaceProperties");

    public static readonly KnownType IServerAddressesFeature = new("Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature");

    public static readonly KnownType IWebHostBuilder = new("Microsoft.AspNetCore.Hosting.IWebHostBuilder");

    public static readonly KnownType KestrelServerOptions = new("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions");

    public static readonly KnownType MulticastOption = new("System.Net.Sockets.MulticastOption");

    public static readonly KnownType NetworkInformationException = new("System.Net.NetworkInformation.NetworkInformationException");

    public static readonly KnownType NetworkInterface = new("System.Net.NetworkInformation.NetworkInterface");

    public static readonly KnownType NetworkInterfaceComponent = new("System.Net.NetworkInformation.NetworkInterfaceComponent");

    public static readonly KnownType Regex = new("System.Text.RegularExpressions.Regex");

    public static readonly KnownType Socket = new("System.Net.Sockets.Socket");

    public static readonly KnownType SocketOptionName = new("System.Net.Sockets.SocketOptionName");

    public static readonly KnownType TcpClient = new("System.Net.Sockets.TcpClient");

    public static readonly KnownType TcpListener = new("System.Net.Sockets.TcpListener");

    public static readonly KnownType UdpClient = new("System.Net.Sockets.UdpClient");

    public static readonly KnownType Uri = new("System.Uri");

    public static readonly KnownType UriBuilder = new("System.UriBuilder");

    public static readonly KnownType UriHostNameType = new("System.UriHostNameType");

    public static readonly KnownType WebApplication = new("Microsoft.AspNetCore.Builder.WebApplication");

    public static readonly KnownType WebHost = new("Microsoft.AspNetCore.WebHost");

    public static readonly KnownType WebHostBuilderExtensions = new("Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions");
}
