using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests.Rules;

/// <summary>
/// The address flow where the listen call is another library's: ASP.NET Core's connection listener factory reached
/// through an overridden property, an options type of a referenced project, a bind call whose package is not
/// restored (an error type), an actor-IO bind command. Shapes rewritten from real hosting and transport code.
/// </summary>
public sealed class DS1001DS1011AddressFlowAcrossLibrariesTests
{
    private const string BindAdvice =
        "Default to IPAddress.IPv6Any on a socket with DualMode = true, guarded by Socket.OSSupportsIPv6, or bind both families.";

    private const string ConnectionsStub = """
        namespace Microsoft.AspNetCore.Connections
        {
            public interface IConnectionListener { }

            public interface IConnectionListenerFactory
            {
                System.Threading.Tasks.ValueTask<IConnectionListener> BindAsync(System.Net.EndPoint endpoint, System.Threading.CancellationToken cancellationToken = default);
            }
        }
        """;

    private static Task Analyze(string source, string? library, bool incomplete, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<DS1001DS1011AddressFlowAnalyzer>.Test { TestCode = source };
        if (library is not null)
        {
            var project = new ProjectState("Library", LanguageNames.CSharp, "/Library/", "cs");
            project.Sources.Add(("/Library/Library.cs", library));
            test.TestState.AdditionalProjects.Add("Library", project);
            test.TestState.AdditionalProjectReferences.Add("Library");
        }

        if (incomplete)
        {
            test.CompilerDiagnostics = CompilerDiagnostics.None;
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Wildcard(DiagnosticSeverity severity, string what) =>
        new DiagnosticResult("DS1001", severity).WithLocation(0).WithArguments(what, BindAdvice);

    private const string EndpointOptionsHost = """
        using System.Net;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Connections;

        public sealed class EndpointOptions
        {
            private IPAddress _advertised;

            // Validation that names IPv6Any only to reject it: no second family is kept here.
            public IPAddress AdvertisedAddress
            {
                get => _advertised;
                set
                {
                    if (Equals(value, IPAddress.Any) || Equals(value, IPAddress.IPv6Any))
                    {
                        throw new System.ArgumentException("advertise a routable address");
                    }

                    _advertised = value;
                }
            }

            public int SiloPort { get; set; }

            public IPEndPoint SiloListeningEndpoint { get; set; }

            internal IPEndPoint GetListeningSiloEndpoint() => SiloListeningEndpoint ?? new IPEndPoint(AdvertisedAddress, SiloPort);
        }

        public abstract class ConnectionListener
        {
            private readonly IConnectionListenerFactory _factory;

            protected ConnectionListener(IConnectionListenerFactory factory) => _factory = factory;

            public abstract EndPoint Endpoint { get; }

            protected async Task BindAsync() => await _factory.BindAsync(this.Endpoint);
        }

        public sealed class SiloConnectionListener : ConnectionListener
        {
            private readonly EndpointOptions _options;

            public SiloConnectionListener(IConnectionListenerFactory factory, EndpointOptions options) : base(factory) => _options = options;

            public override EndPoint Endpoint => _options.GetListeningSiloEndpoint();
        }
        """;

    [Fact]
    public Task Listen_endpoint_option_bound_through_an_overridden_property_by_the_connection_listener_factory_warns() => Analyze(
        EndpointOptionsHost + """

        public static class EndpointOptionsExtensions
        {
            public static void ConfigureEndpoints(System.Action<System.Action<EndpointOptions>> configure, int siloPort, bool listenOnAnyHostAddress)
            {
                configure(options =>
                {
                    options.SiloPort = siloPort;
                    if (listenOnAnyHostAddress)
                    {
                        options.SiloListeningEndpoint = new IPEndPoint({|#0:IPAddress.Any|}, siloPort);
                    }
                });
            }
        }
        """ + ConnectionsStub,
        library: null,
        incomplete: false,
        Wildcard(DiagnosticSeverity.Warning,
            "IPAddress.Any (stored in 'EndpointOptions.SiloListeningEndpoint', which IConnectionListenerFactory.BindAsync in 'ConnectionListener.BindAsync' reads)"));

    [Fact]
    public Task Advertised_address_compared_with_both_wildcards_and_a_listen_endpoint_set_to_IPv6Any_stay_silent() => Analyze(
        EndpointOptionsHost + """

        public static class EndpointOptionsExtensions
        {
            public static void ConfigureEndpoints(System.Action<System.Action<EndpointOptions>> configure, int siloPort)
            {
                configure(options => options.SiloListeningEndpoint = new IPEndPoint(IPAddress.IPv6Any, siloPort));
            }

            public static bool IsWildcard(IPAddress address) => Equals(address, IPAddress.Any);
        }
        """ + ConnectionsStub,
        library: null,
        incomplete: false);

    private const string OptionsLibrary = """
        namespace Hosting
        {
            public sealed class EndpointOptions
            {
                public int SiloPort { get; set; }
                public System.Net.IPEndPoint SiloListeningEndpoint { get; set; }
                public System.Net.IPEndPoint AdvertisedEndpoint { get; set; }
            }
        }
        """;

    [Fact]
    public Task Listen_endpoint_option_of_a_referenced_project_defaulted_to_Any_is_reported_as_Info() => Analyze(
        """
        using System.Net;
        using Hosting;

        public sealed class ConfigureKubernetesHosting
        {
            public void PostConfigure(EndpointOptions options)
            {
                if (options.SiloListeningEndpoint is null)
                {
                    options.SiloListeningEndpoint = new IPEndPoint({|#0:IPAddress.Any|}, options.SiloPort);
                }
            }
        }
        """,
        OptionsLibrary,
        incomplete: false,
        Wildcard(DiagnosticSeverity.Info, "IPAddress.Any (stored in 'EndpointOptions.SiloListeningEndpoint', named as a listen address)"));

    [Fact]
    public Task Option_of_a_referenced_project_not_named_as_a_listen_address_stays_silent() => Analyze(
        """
        using System.Net;
        using Hosting;

        public sealed class ConfigureKubernetesHosting
        {
            public void PostConfigure(EndpointOptions options)
            {
                options.AdvertisedEndpoint ??= new IPEndPoint(IPAddress.Any, options.SiloPort);
                options.SiloListeningEndpoint ??= new IPEndPoint(IPAddress.IPv6Any, options.SiloPort);
            }
        }
        """,
        OptionsLibrary,
        incomplete: false);

    private const string TransportSettings = """
        using System.Net;
        using System.Threading.Tasks;

        public sealed record TransportSettings(string Hostname, int Port, ByteOrder Order)
        {
            public static TransportSettings Create(string configuredHost, int port, string byteOrder)
            {
                var order = byteOrder switch
                {
                    "little-endian" => ByteOrder.LittleEndian,
                    _ => ByteOrder.BigEndian,
                };

                var host = configuredHost;
                if (string.IsNullOrWhiteSpace(host))
                {
                    host = {|#0:IPAddress.Any|}.ToString();
                }

                return new TransportSettings(Hostname: host, Port: port, Order: order);
            }
        }

        public sealed class Transport
        {
            private readonly TransportSettings _settings;

            public Transport(TransportSettings settings) => _settings = settings;

            public async Task ListenAsync()
            {
                EndPoint listenAddress;
                if (IPAddress.TryParse(_settings.Hostname, out var ip))
                {
                    listenAddress = new IPEndPoint(ip, _settings.Port);
                }
                else
                {
                    listenAddress = new DnsEndPoint(_settings.Hostname, _settings.Port);
                }

                await NewServer(listenAddress);
            }

        """;

    [Fact]
    public Task Wildcard_text_default_parsed_into_an_endpoint_for_an_unresolved_bind_call_warns_at_the_default() => Analyze(
        TransportSettings + """
            private async Task<IChannel> NewServer(EndPoint listenAddress)
            {
                try
                {
                    if (listenAddress is DnsEndPoint dns)
                    {
                        listenAddress = await DnsToIPEndpoint(dns).ConfigureAwait(false);
                    }

                    return await ServerFactory().BindAsync(listenAddress).ConfigureAwait(false);
                }
                catch (System.Exception ex)
                {
                    throw new System.InvalidOperationException($"Failed to bind to [{listenAddress}]", ex);
                }
            }

            private ServerBootstrap ServerFactory() => new ServerBootstrap();

            private static Task<IPEndPoint> DnsToIPEndpoint(DnsEndPoint dns) => Task.FromResult(new IPEndPoint(IPAddress.Loopback, dns.Port));
        }
        """,
        library: null,
        incomplete: true,
        Wildcard(DiagnosticSeverity.Warning,
            "IPAddress.Any (stored in 'host', which BindAsync (unresolved) in 'Transport.NewServer' reads)"));

    [Fact]
    public Task Wildcard_text_default_reaching_an_unresolved_call_that_is_no_listen_stays_silent() => Analyze(
        TransportSettings.Replace("{|#0:IPAddress.Any|}", "IPAddress.Any").Replace("listenAddress", "peerAddress") + """
            private Task NewServer(EndPoint peerAddress) => new Metrics().ReportAsync(peerAddress);
        }
        """,
        library: null,
        incomplete: true);

    private const string ActorIo = """
        namespace ActorIO
        {
            public static class Tcp
            {
                public sealed class Bind
                {
                    public Bind(object handler, System.Net.EndPoint localAddress, int backlog) { }
                }

                public sealed class Connect
                {
                    public Connect(System.Net.EndPoint remoteAddress) { }
                }
            }
        }
        """;

    [Fact]
    public Task First_DNS_answer_waited_with_Result_and_handed_to_a_bind_command_warns_where_it_is_taken() => Analyze(
        """
        using System.Net;
        using ActorIO;

        public sealed class ConnectionSourceStage
        {
            private readonly EndPoint _endpoint;

            public ConnectionSourceStage(EndPoint endpoint) => _endpoint = endpoint;

            public object PreStart(object self) => new Tcp.Bind(self, _endpoint, 100);
        }

        public sealed class TcpExt
        {
            public ConnectionSourceStage Bind(string host, int port)
            {
                var ipAddresses = Dns.GetHostAddressesAsync(host).Result;
                if (ipAddresses.Length == 0)
                {
                    throw new System.ArgumentException("unresolved", nameof(host));
                }

                return new ConnectionSourceStage(new IPEndPoint({|#0:ipAddresses[0]|}, port));
            }
        }
        """,
        ActorIo,
        incomplete: false,
        new DiagnosticResult("DS1011", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'ipAddresses[0]' (passed to parameter 'endpoint' of 'ConnectionSourceStage..ctor', which new Bind in 'ConnectionSourceStage.PreStart' reads)"));

    [Fact]
    public Task Every_DNS_answer_tried_in_turn_before_the_bind_command_stays_silent() => Analyze(
        """
        using System.Net;
        using ActorIO;

        public sealed class ConnectionSourceStage
        {
            private readonly EndPoint _endpoint;

            public ConnectionSourceStage(EndPoint endpoint) => _endpoint = endpoint;

            public object PreStart(object self) => new Tcp.Bind(self, _endpoint, 100);
        }

        public sealed class TcpExt
        {
            public ConnectionSourceStage Bind(string host, int port)
            {
                var ipAddresses = Dns.GetHostAddressesAsync(host).Result;
                foreach (var address in ipAddresses)
                {
                    if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
                    {
                        return new ConnectionSourceStage(new IPEndPoint(address, port));
                    }
                }

                return new ConnectionSourceStage(new IPEndPoint(ipAddresses[ipAddresses.Length - 1], port));
            }
        }
        """,
        ActorIo,
        incomplete: false);

    private const string ChannelPipeline = """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public interface IChannel
        {
            Task BindAsync(EndPoint localAddress);
        }

        public abstract class AbstractChannel : IChannel
        {
            public Task BindAsync(EndPoint localAddress)
            {
                DoBind(localAddress);
                return Task.CompletedTask;
            }

            protected abstract void DoBind(EndPoint localAddress);
        }

        public sealed class TcpServerSocketChannel : AbstractChannel
        {
            private readonly Socket _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

            protected override void DoBind(EndPoint localAddress) => _socket.Bind(localAddress);
        }

        """;

    [Fact]
    public Task Convenience_overloads_reaching_the_socket_through_interface_and_override_dispatch_warn() => Analyze(
        ChannelPipeline + """
        public sealed class ServerBootstrap
        {
            private readonly IChannel _channel = new TcpServerSocketChannel();
            private EndPoint _localAddress;

            public ServerBootstrap LocalAddress(int inetPort) => LocalAddress(new IPEndPoint({|#0:IPAddress.Any|}, inetPort));

            public ServerBootstrap LocalAddress(EndPoint localAddress)
            {
                _localAddress = localAddress;
                return this;
            }

            public Task BindAsync() => DoBindAsync(_localAddress);

            public Task BindAsync(int inetPort) => BindAsync(new IPEndPoint({|#1:IPAddress.Any|}, inetPort));

            public Task BindAsync(EndPoint localAddress) => DoBindAsync(localAddress);

            private Task DoBindAsync(EndPoint localAddress) => _channel.BindAsync(localAddress);
        }
        """,
        library: null,
        incomplete: false,
        Wildcard(DiagnosticSeverity.Warning,
            "IPAddress.Any (passed to parameter 'localAddress' of 'ServerBootstrap.LocalAddress', which Socket.Bind in 'TcpServerSocketChannel.DoBind' reads)"),
        new DiagnosticResult("DS1001", DiagnosticSeverity.Warning).WithLocation(1).WithArguments(
            "IPAddress.Any (passed to parameter 'localAddress' of 'ServerBootstrap.BindAsync', which Socket.Bind in 'TcpServerSocketChannel.DoBind' reads)", BindAdvice));

    [Fact]
    public Task Convenience_overload_binding_IPv6Any_and_a_wildcard_only_sent_through_the_pipeline_stay_silent() => Analyze(
        ChannelPipeline + """
        public sealed class ServerBootstrap
        {
            private readonly IChannel _channel = new TcpServerSocketChannel();

            public Task BindAsync(int inetPort) => BindAsync(new IPEndPoint(IPAddress.IPv6Any, inetPort));

            public Task BindAsync(EndPoint localAddress) => _channel.BindAsync(localAddress);

            public string Describe() => Format(new IPEndPoint(IPAddress.Any, 0));

            private static string Format(EndPoint endPoint) => endPoint.ToString();
        }
        """,
        library: null,
        incomplete: false);

    private const string ListenOptionsType = """
        using System;
        using System.Net;

        public sealed class ListenOptions
        {
            public string Ip { get; set; }
            public int Port { get; set; }

            public IPEndPoint ToEndPoint()
            {
                IPAddress ipAddress;
                if ("any".Equals(Ip, StringComparison.OrdinalIgnoreCase))
                {
                    ipAddress = MARK;
                }
                else if ("IpV6Any".Equals(Ip, StringComparison.OrdinalIgnoreCase))
                {
                    ipAddress = IPAddress.IPv6Any;
                }
                else
                {
                    ipAddress = IPAddress.Parse(Ip);
                }

                return new IPEndPoint(ipAddress, Port);
            }
        }
        """;

    [Fact]
    public Task Configuration_word_any_mapped_to_the_IPv4_wildcard_beside_an_IPv6Any_word_is_reported_from_the_listen_options_type() => Analyze(
        ListenOptionsType.Replace("MARK", "{|#0:IPAddress.Any|}"),
        library: null,
        incomplete: false,
        Wildcard(DiagnosticSeverity.Info, "IPAddress.Any (stored in 'ipAddress', then returned by 'ListenOptions.ToEndPoint', named as a listen address)"));

    [Fact]
    public Task Configuration_word_any_mapped_to_both_wildcards_or_to_the_IPv4_wildcard_by_an_OS_check_stays_silent() => Analyze(
        ListenOptionsType.Replace("MARK", "System.Net.Sockets.Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any") + """

        public sealed class ListenerConfig
        {
            public IPAddress V4 { get; private set; }
            public IPAddress V6 { get; private set; }

            public void Apply(string word)
            {
                switch (word)
                {
                    case "*":
                        V4 = IPAddress.Any;
                        V6 = IPAddress.IPv6Any;
                        break;
                }
            }
        }
        """,
        library: null,
        incomplete: false);

    private const string TwoListenerServer = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class TcpEndpointOptions
        {
            public IPAddress BoundInterNetworkAddress { get; set; } = IPAddress.Any;
            public IPAddress BoundInterNetworkV6Address { get; set; } = IPAddress.IPv6Any;
            public int Port { get; set; } = 1883;
        }

        public sealed class TcpServerListener
        {
            private readonly AddressFamily _addressFamily;
            private readonly TcpEndpointOptions _options;
            private IPEndPoint _localEndPoint;
            private Socket _socket;

            public TcpServerListener(AddressFamily addressFamily, TcpEndpointOptions options)
            {
                _addressFamily = addressFamily;
                _options = options;
            }

            public void Start()
            {
                var boundIp = _options.BoundInterNetworkAddress;
                if (_addressFamily == AddressFamily.InterNetworkV6)
                {
                    boundIp = _options.BoundInterNetworkV6Address;
                }

                _localEndPoint = new IPEndPoint(boundIp, _options.Port);
                _socket = new Socket(_addressFamily, SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(_localEndPoint);
                _socket.Listen(100);
            }
        }

        public sealed class ServerOptionsBuilder
        {
            private readonly TcpEndpointOptions _options = new TcpEndpointOptions();

            public ServerOptionsBuilder WithDefaultEndpointBoundIPAddress(IPAddress value)
            {
                _options.BoundInterNetworkAddress = value ?? IPAddress.Any;
                return this;
            }

            public ServerOptionsBuilder WithDefaultEndpointBoundIPV6Address(IPAddress value)
            {
                _options.BoundInterNetworkV6Address = value ?? MARK;
                return this;
            }
        }
        """;

    [Fact]
    public Task IPv4_wildcard_defaulted_into_the_IPv6_slot_bound_by_the_IPv6_listener_warns() => Analyze(
        TwoListenerServer.Replace("MARK", "{|#0:IPAddress.Any|}"),
        library: null,
        incomplete: false,
        Wildcard(DiagnosticSeverity.Warning,
            "IPAddress.Any (stored in 'TcpEndpointOptions.BoundInterNetworkV6Address', which Socket.Bind in 'TcpServerListener.Start' reads, the IPv6 listener's address)"));

    [Fact]
    public Task Both_slots_of_the_two_listener_design_defaulting_to_their_own_family_stay_silent() => Analyze(
        TwoListenerServer.Replace("MARK", "IPAddress.IPv6Any"),
        library: null,
        incomplete: false);

    [Fact]
    public Task First_DNS_answer_kept_as_a_host_string_and_connected_by_name_later_warns() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class SimpleClient
        {
            private string _serverIp;
            private IPAddress _ipAddress;
            private readonly int _serverPort;
            private readonly TcpClient _client = new TcpClient();

            public SimpleClient(string serverIp, int port)
            {
                _serverIp = serverIp;
                _serverPort = port;
                if (!IPAddress.TryParse(_serverIp, out _ipAddress))
                {
                    _ipAddress = {|#0:Dns.GetHostEntry(serverIp).AddressList[0]|};
                    _serverIp = _ipAddress.ToString();
                }
            }

            public void Connect() => _client.BeginConnect(_serverIp, _serverPort, null, null);
        }
        """,
        library: null,
        incomplete: false,
        new DiagnosticResult("DS1011", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'Dns.GetHostEntry(serverIp).AddressList[0]' (stored in 'SimpleClient._ipAddress', which TcpClient.BeginConnect in 'SimpleClient.Connect' reads)"));
}
