using DualStack.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Sockets;
using DualStack.CodeFixes.Rules;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests.Rules;

public sealed class DS1003Tests
{
    private static Task Analyze(string source, ReferenceAssemblies? references = null) =>
        SocketRuleTest.AnalyzeAsync<DS1003ExplicitIPv4SocketAnalyzer>(source, references: references);

    private static Task Fix(string source, string fixedSource, ReferenceAssemblies? references = null) =>
        SocketRuleTest.FixAsync<DS1003ExplicitIPv4SocketAnalyzer, DS1003ExplicitIPv4SocketFixer>(source, fixedSource, references: references);

    [Fact]
    public Task Connect_only_sockets_are_fixed_to_the_dual_mode_constructor() => Fix(
        """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Client
        {
            const AddressFamily Family = AddressFamily.InterNetwork;

            void Connect(string host, int port)
            {
                var socket = new Socket([|AddressFamily.InterNetwork|], SocketType.Stream, ProtocolType.Tcp);
                socket.NoDelay = true;
                socket.Connect(new DnsEndPoint(host, port));
                socket.Send(new byte[] { 1 });
                socket.Close();
            }

            async Task ConnectAsync(string host, int port)
            {
                using var socket = new Socket([|AddressFamily.InterNetwork|], SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(host, port);
                using var stream = new NetworkStream(socket);
            }

            void Constant(EndPoint remote)
            {
                Socket socket;
                socket = new Socket([|Family|], SocketType.Dgram, ProtocolType.Udp);
                socket.Connect(remote);
            }
        }
        """,
        """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Client
        {
            const AddressFamily Family = AddressFamily.InterNetwork;

            void Connect(string host, int port)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.NoDelay = true;
                socket.Connect(new DnsEndPoint(host, port));
                socket.Send(new byte[] { 1 });
                socket.Close();
            }

            async Task ConnectAsync(string host, int port)
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(host, port);
                using var stream = new NetworkStream(socket);
            }

            void Constant(EndPoint remote)
            {
                Socket socket;
                socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
                socket.Connect(remote);
            }
        }
        """);

    [Fact]
    public Task Sockets_that_escape_and_IPv4_clients_are_reported_without_a_fix()
    {
        var source = """
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class Client
            {
                private Socket _socket;

                Socket Escapes(string host, int port)
                {
                    var socket = new Socket([|AddressFamily.InterNetwork|], SocketType.Stream, ProtocolType.Tcp);
                    socket.Connect(host, port);
                    return socket;
                }

                void Field(string host, int port)
                {
                    _socket = new Socket([|AddressFamily.InterNetwork|], SocketType.Stream, ProtocolType.Tcp);
                    _socket.Connect(host, port);
                }

                async Task<TcpClient> Tcp(string host, int port)
                {
                    var client = new TcpClient([|AddressFamily.InterNetwork|]);
                    await client.ConnectAsync(host, port);
                    return client;
                }

                void Udp(string host)
                {
                    var client = new UdpClient([|AddressFamily.InterNetwork|]);
                    client.Connect(host, 53);
                }
            }
            """;
        return Fix(source, source);
    }

    [Fact]
    public Task On_NET_Framework_the_socket_is_reported_without_a_fix()
    {
        // Socket(SocketType, ProtocolType) is always IPv6 there and throws on hosts with IPv6 disabled.
        var source = """
            using System.Net;
            using System.Net.Sockets;

            class Client
            {
                void Connect(string host, int port)
                {
                    var socket = new Socket([|AddressFamily.InterNetwork|], SocketType.Stream, ProtocolType.Tcp);
                    socket.Connect(new DnsEndPoint(host, port));
                }
            }
            """;
        return Fix(source, source, ReferenceAssemblies.NetFramework.Net472.Default);
    }

    [Fact]
    public Task On_NET_Standard_the_socket_is_reported_without_a_fix()
    {
        // A .NET Standard library may run on .NET Framework, where the dual-mode constructor has no IPv4 fallback.
        var source = """
            using System.Net;
            using System.Net.Sockets;

            class Client
            {
                void Connect(string host, int port)
                {
                    var socket = new Socket([|AddressFamily.InterNetwork|], SocketType.Stream, ProtocolType.Tcp);
                    socket.Connect(new DnsEndPoint(host, port));
                }
            }
            """;
        return Fix(source, source, ReferenceAssemblies.NetStandard.NetStandard20);
    }

    [Fact]
    public Task Servers_IPv4_targets_and_family_matched_sockets_are_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Peer
        {
            void Server()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                socket.Listen(10);
            }

            void LocalLoopback(int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            }

            void Matched(IPEndPoint remote)
            {
                var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(remote);
            }

            void NeverConnected(System.Action<Socket> use) =>
                use(new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
        }
        """);

    [Fact]
    public Task IPv6_twins_and_broadcast_are_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Peer
        {
            Socket Connect(IPAddress address, int port)
            {
                var socket = address.AddressFamily == AddressFamily.InterNetworkV6
                    ? new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp)
                    : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(address, port);
                return socket;
            }

            void OutboundIp()
            {
                using var v4 = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                v4.Connect("8.8.8.8", 65530);
                using var v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                v6.Connect("2001:4860:4860::8888", 65530);
            }

            void Broadcast(int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.EnableBroadcast = true;
                socket.Connect(new IPEndPoint(IPAddress.Broadcast, port));
            }
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => SocketRuleTest.AnalyzeAsync<DS1003ExplicitIPv4SocketAnalyzer>(
        """
        using System.Net.Sockets;

        class Client
        {
            void A(string host)
            {
                var s = new Socket([|AddressFamily.InterNetwork|], SocketType.Stream, ProtocolType.Tcp)
                s.Connect(host, 80)
                var t = new Socket(AddressFamily.InterNetwork, SocketType.
                t.Connect(
                var u = new TcpClient(AddressFamily.);
        """,
        incomplete: true);

    [Fact]
    public async Task Client_bound_to_a_local_IPv4_wildcard_endpoint_warns()
    {
        var test = new CSharpAnalyzerVerifier<DS1003ExplicitIPv4SocketAnalyzer>.Test
        {
            TestCode = """
                using System.Net;
                using System.Net.Sockets;

                class Channel
                {
                    public TcpClient Open(string host, int port, int localPort)
                    {
                        var client = localPort > 0 ? new TcpClient({|#0:new IPEndPoint(IPAddress.Any, localPort)|}) : new TcpClient();
                        client.Connect(host, port);
                        return client;
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DS1003", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("The TcpClient bound to the local IPv4 wildcard endpoint"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Client_bound_to_the_local_endpoint_of_the_remote_family_is_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Channel
        {
            public TcpClient Open(IPEndPoint remote, int localPort)
            {
                var any = remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
                var client = new TcpClient(new IPEndPoint(any, localPort));
                var loopback = new TcpClient(new IPEndPoint(IPAddress.IPv6Any, localPort));
                client.Connect(remote);
                return client;
            }
        }
        """);

    [Fact]
    public async Task A_socket_connected_to_a_host_name_warns_and_one_connected_to_an_IP_endpoint_stays_Info()
    {
        // Shape of an MQTT transport's connection: the IPv4 socket is created on start and connected to the remote
        // endpoint the constructor kept, typed EndPoint (a DnsEndPoint in practice), so a name with only IPv6
        // addresses cannot be reached. An IPEndPoint of unknown origin may be IPv4 by contract: Info.
        var test = new CSharpAnalyzerVerifier<DS1003ExplicitIPv4SocketAnalyzer>.Test
        {
            TestCode = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                sealed class PipeConnection
                {
                    readonly EndPoint _remote;
                    Socket _socket;

                    public PipeConnection(EndPoint remote) => _remote = remote;

                    public async Task OpenAsync()
                    {
                        if (_socket == null)
                        {
                            _socket = new Socket({|#0:AddressFamily.InterNetwork|}, SocketType.Stream, ProtocolType.Tcp);
                            await _socket.ConnectAsync(_remote);
                        }
                    }

                    public void ByName(string brokerHost, int port)
                    {
                        var client = new TcpClient({|#1:AddressFamily.InterNetwork|});
                        client.Connect(brokerHost, port);
                    }

                    public void ByDnsEndPoint(string brokerHost, int port)
                    {
                        using var socket = new Socket({|#2:AddressFamily.InterNetwork|}, SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(new DnsEndPoint(brokerHost, port));
                    }

                    public void ByAddress(IPEndPoint device)
                    {
                        using var socket = new Socket({|#3:AddressFamily.InterNetwork|}, SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(device);
                    }

                    public void ByIPv4Literal()
                    {
                        using var socket = new Socket({|#4:AddressFamily.InterNetwork|}, SocketType.Dgram, ProtocolType.Udp);
                        socket.Connect("10.1.2.3", 53);
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DS1003", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("The Socket"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DS1003", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("The TcpClient"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DS1003", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("The Socket"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DS1003", DiagnosticSeverity.Info).WithLocation(3).WithArguments("The Socket"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DS1003", DiagnosticSeverity.Info).WithLocation(4).WithArguments("The Socket"));
        await test.RunAsync(CancellationToken.None);
    }
}
