using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static DualStack.Analyzers.Tests.Rules.AddressFlowTesting;

namespace DualStack.Analyzers.Tests.Rules;

/// <summary>
/// The IPv4 wildcard and the first DNS answer followed across members: options types, defaults, helpers, convenience
/// overloads, fields set in one member and bound in another. Cases are modelled on real libraries (rewritten).
/// </summary>
public sealed class DS1001DS1011AddressFlowTests
{
    [Fact]
    public Task Options_property_defaulting_to_Any_and_bound_by_another_type_warns_at_the_default() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class ListenOptions
        {
            public IPAddress Ip { get; set; } = {|#0:IPAddress.Any|};
            public int Port { get; set; } = 9000;
        }

        public sealed class SocketListener
        {
            private readonly ListenOptions _options;
            private Socket _socket;

            public SocketListener(ListenOptions options) => _options = options;

            public void Start()
            {
                _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(new IPEndPoint(_options.Ip, _options.Port));
                _socket.Listen(100);
            }
        }
        """,
        Wildcard(DiagnosticSeverity.Warning, "IPAddress.Any (stored in 'ListenOptions.Ip', which Socket.Bind in 'SocketListener.Start' reads)"));

    [Fact]
    public Task Helper_mapping_star_to_Any_whose_result_is_bound_warns_at_the_return() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            static IPAddress ParseHost(string host)
            {
                if (host == "*")
                {
                    return {|#0:IPAddress.Any|};
                }

                return IPAddress.Parse(host);
            }

            public TcpListener Start(string host, int port)
            {
                var listener = new TcpListener(ParseHost(host), port);
                listener.Start();
                return listener;
            }
        }
        """,
        Wildcard(DiagnosticSeverity.Warning, "IPAddress.Any (returned by 'Server.ParseHost', which new TcpListener in 'Server.Start' reads)"));

    [Fact]
    public Task Null_default_to_Any_in_a_constructor_warns_at_the_default() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Node
        {
            private readonly IPAddress _address;
            private readonly int _port;

            public Node(IPAddress address, int port)
            {
                _address = address ?? {|#0:IPAddress.Any|};
                _port = port;
            }

            public void Run()
            {
                var listener = new TcpListener(_address, _port);
                listener.Start();
            }
        }
        """,
        Wildcard(DiagnosticSeverity.Warning, "IPAddress.Any (stored in 'Node._address', which new TcpListener in 'Node.Run' reads)"));

    [Fact]
    public Task Empty_host_replaced_by_the_IPv4_wildcard_text_warns_at_the_assignment() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Options
        {
            public string Host { get; set; }
            public int Port { get; set; }
        }

        class Server
        {
            public Socket Start(Options options)
            {
                var host = options.Host;
                if (string.IsNullOrEmpty(host))
                {
                    host = {|#0:"0.0.0.0"|};
                }

                var endPoint = new IPEndPoint(IPAddress.Parse(host), options.Port);
                var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(endPoint);
                return socket;
            }
        }
        """,
        Wildcard(DiagnosticSeverity.Warning, "\"0.0.0.0\" (stored in 'host', which Socket.Bind in 'Server.Start' reads)"));

    [Fact]
    public Task Convenience_bind_overload_is_reported_as_Info_from_its_name() => Analyze(
        """
        using System.Net;
        using System.Threading.Tasks;

        public abstract class Bootstrap
        {
            public Task BindAsync(int port) => BindAsync(new IPEndPoint({|#0:IPAddress.Any|}, port));

            public abstract Task BindAsync(EndPoint localAddress);
        }
        """,
        Wildcard(DiagnosticSeverity.Info, "IPAddress.Any (passed to parameter 'localAddress' of 'Bootstrap.BindAsync', named as a listen address)"));

    [Fact]
    public Task Two_family_options_beside_each_other_stay_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class EndpointOptions
        {
            public IPAddress BoundInterNetworkAddress { get; set; } = IPAddress.Any;
            public IPAddress BoundInterNetworkV6Address { get; set; } = IPAddress.IPv6Any;
            public int Port { get; set; } = 1883;
        }

        class Server
        {
            public void Start(EndpointOptions options)
            {
                var v4 = new TcpListener(options.BoundInterNetworkAddress, options.Port);
                var v6 = new TcpListener(options.BoundInterNetworkV6Address, options.Port);
                v4.Start();
                v6.Start();
            }
        }
        """);

    [Fact]
    public Task Family_matched_placeholder_and_guarded_defaults_stay_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Receiver
        {
            private IPAddress _local;
            private IPAddress _fallback = IPAddress.Any;

            public Receiver(AddressFamily family)
            {
                _local = family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
            }

            public void Start(int port)
            {
                var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(_local, port));
                var other = new Socket(SocketType.Dgram, ProtocolType.Udp);
                other.Bind(new IPEndPoint(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : _fallback, port));
            }
        }
        """);

    [Fact]
    public Task Sentinel_address_that_is_only_compared_stays_silent() => Analyze(
        """
        using System.Net;

        class PeerTracker
        {
            private IPAddress _lastPeer = IPAddress.Any;

            public bool IsNewPeer(IPAddress peer)
            {
                var isNew = !peer.Equals(_lastPeer);
                _lastPeer = peer;
                return isNew;
            }
        }
        """);

    [Fact]
    public Task First_DNS_answer_kept_in_a_field_and_connected_later_warns_where_it_is_kept() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Client
        {
            private IPAddress _address;
            private readonly int _port;

            public Client(string host, int port)
            {
                _address = {|#0:Dns.GetHostEntry(host).AddressList[0]|};
                _port = port;
            }

            public Socket Open()
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(new IPEndPoint(_address, _port));
                return socket;
            }
        }
        """,
        new DiagnosticResult("DS1011", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'Dns.GetHostEntry(host).AddressList[0]' (stored in 'Client._address', which Socket.Connect in 'Client.Open' reads)"));

    [Fact]
    public Task First_DNS_answer_kept_only_for_display_stays_silent() => Analyze(
        """
        using System.Net;

        class Diagnostics
        {
            private IPAddress _resolved;

            public void Resolve(string host) => _resolved = Dns.GetHostEntry(host).AddressList[0];

            public override string ToString() => "resolved " + _resolved;
        }
        """);

    [Fact]
    public Task IPv4_wildcard_defaulted_into_the_IPv6_slot_of_two_family_options_is_reported() => Analyze(
        """
        using System.Net;

        public sealed class EndpointOptions
        {
            public IPAddress BoundAddress { get; set; } = IPAddress.Any;
            public IPAddress BoundV6Address { get; set; } = IPAddress.IPv6Any;
        }

        public sealed class OptionsBuilder
        {
            private readonly EndpointOptions _options = new EndpointOptions();

            public OptionsBuilder WithBoundAddress(IPAddress value)
            {
                _options.BoundAddress = value ?? IPAddress.Any;
                return this;
            }

            public OptionsBuilder WithBoundV6Address(IPAddress value)
            {
                _options.BoundV6Address = value ?? {|#0:IPAddress.Any|};
                return this;
            }
        }
        """,
        Wildcard(DiagnosticSeverity.Info, "IPAddress.Any (stored in 'EndpointOptions.BoundV6Address', named as the IPv6 address)"));

    [Fact]
    public Task Local_address_stored_and_bound_through_an_internal_bind_path_is_reported_as_Info() => Analyze(
        """
        using System.Net;
        using System.Threading.Tasks;

        public interface IChannel
        {
            Task BindAsync(EndPoint localAddress);
        }

        public sealed class ServerBootstrap
        {
            private EndPoint _localAddress;
            private readonly IChannel _channel;

            public ServerBootstrap(IChannel channel) => _channel = channel;

            public ServerBootstrap LocalAddress(int port) => LocalAddress(new IPEndPoint({|#0:IPAddress.Any|}, port));

            public ServerBootstrap LocalAddress(EndPoint localAddress)
            {
                _localAddress = localAddress;
                return this;
            }

            public Task StartAsync()
            {
                var address = _localAddress;
                return DoBindAsync(address);
            }

            private Task DoBindAsync(EndPoint endPoint) => _channel.BindAsync(endPoint);
        }
        """,
        Wildcard(DiagnosticSeverity.Info, "IPAddress.Any (passed to parameter 'localAddress' of 'ServerBootstrap.LocalAddress', then passed to parameter 'endPoint' of 'ServerBootstrap.DoBindAsync', named as a listen address)"));

    // Findings are never reported in generated code. The analyzer leaves the check to what it analyzes (generated
    // files and [GeneratedCode] types get no callbacks) rather than to the driver's per-report check, which bound
    // the attributes of every declaration in the file and was most of this analyzer's time on real repositories.
    [Fact]
    public Task Chain_inside_a_generated_file_stays_silent()
    {
        var test = new CSharpAnalyzerVerifier<DS1001DS1011AddressFlowAnalyzer>.Test();
        test.TestState.Sources.Add(("Server.g.cs", """
            // <auto-generated/>
            using System.Net;
            using System.Net.Sockets;

            class GeneratedServer
            {
                private IPAddress _address = IPAddress.Any;

                public void Start()
                {
                    var listener = new TcpListener(_address, 80);
                    listener.Start();
                }
            }
            """));
        test.TestState.Sources.Add(("Client.cs", """
            using System.Net;
            using System.Net.Sockets;

            class HandWritten
            {
                private IPAddress _address = {|#0:IPAddress.Any|};

                public void Start()
                {
                    var listener = new TcpListener(_address, 81);
                    listener.Start();
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Wildcard(DiagnosticSeverity.Warning, "IPAddress.Any (stored in 'HandWritten._address', which new TcpListener in 'HandWritten.Start' reads)"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Chain_inside_a_GeneratedCode_type_stays_silent() => Analyze(
        """
        using System.CodeDom.Compiler;
        using System.Net;
        using System.Net.Sockets;

        [GeneratedCode("tool", "1.0")]
        class GeneratedServer
        {
            private IPAddress _address = IPAddress.Any;

            public void Start()
            {
                var listener = new TcpListener(_address, 80);
                listener.Start();
            }
        }
        """);

    // LAN discovery answers IPv4 broadcasts (255.255.255.255): a listener for them is IPv4 by protocol, wherever in the
    // type the broadcast is set up. Rewritten from a media server's auto-discovery host.
    [Fact]
    public Task Broadcast_discovery_listener_defaulted_to_Any_by_its_caller_stays_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class AutoDiscoveryHost
        {
            private const int PortNumber = 7359;

            public Task ExecuteAsync() => ListenForDiscovery(IPAddress.Any);

            private async Task ListenForDiscovery(IPAddress listenAddress)
            {
                using var udpClient = new UdpClient(new IPEndPoint(listenAddress, PortNumber));
                udpClient.MulticastLoopback = false;
                var result = await udpClient.ReceiveAsync();
                await Respond(result.RemoteEndPoint, udpClient);
            }

            private static Task Respond(IPEndPoint endpoint, UdpClient broadcastClient) =>
                broadcastClient.SendAsync(new byte[] { 1 }, 1, endpoint);
        }
        """);

    [Fact]
    public Task Broadcast_set_up_in_another_member_of_the_listener_type_keeps_it_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Discovery
        {
            private readonly IPAddress _listenAddress;
            private UdpClient _client;

            public Discovery(IPAddress listenAddress = null) => _listenAddress = listenAddress ?? IPAddress.Any;

            public void Start()
            {
                _client = new UdpClient(new IPEndPoint(_listenAddress, 1900));
                Configure(_client);
            }

            private static void Configure(UdpClient client) => client.EnableBroadcast = true;
        }
        """);

    [Fact]
    public Task Udp_listener_defaulted_to_Any_by_its_caller_without_broadcast_warns() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class MetricsReceiver
        {
            public Task ExecuteAsync() => Listen({|#0:IPAddress.Any|});

            private async Task Listen(IPAddress listenAddress)
            {
                using var udpClient = new UdpClient(new IPEndPoint(listenAddress, 8125));
                await udpClient.ReceiveAsync();
            }
        }
        """,
        Wildcard(DiagnosticSeverity.Warning, "IPAddress.Any (passed to parameter 'listenAddress' of 'MetricsReceiver.Listen', which new UdpClient in 'MetricsReceiver.Listen' reads)"));
}
