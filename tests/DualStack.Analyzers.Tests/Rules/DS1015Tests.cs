using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Sockets;
using DualStack.CodeFixes.Rules;

namespace DualStack.Analyzers.Tests.Rules;

public sealed class DS1015Tests
{
    private static Task Analyze(string source, bool kestrel = false, bool incomplete = false) =>
        SocketRuleTest.AnalyzeAsync<DS1015IPv6WithoutFallbackAnalyzer>(source, kestrel, incomplete: incomplete);

    private static Task Fix(string source, string fixedSource, bool kestrel = false) =>
        SocketRuleTest.FixAsync<DS1015IPv6WithoutFallbackAnalyzer, DS1015IPv6WithoutFallbackFixer>(source, fixedSource, kestrel);

    [Fact]
    public Task Unguarded_dual_mode_server_socket_is_guarded() => Fix(
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            Socket Start(int port)
            {
                var socket = new Socket([|AddressFamily.InterNetworkV6|], SocketType.Stream, ProtocolType.Tcp);
                [|socket.DualMode = true|];
                socket.Bind(new IPEndPoint([|IPAddress.IPv6Any|], port));
                socket.Listen(100);
                return socket;
            }
        }
        """,
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            Socket Start(int port)
            {
                var socket = new Socket(Socket.OSSupportsIPv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                if (Socket.OSSupportsIPv6)
                {
                    socket.DualMode = true;
                }
                socket.Bind(new IPEndPoint(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, port));
                socket.Listen(100);
                return socket;
            }
        }
        """);

    [Fact]
    public Task IPv6Any_listeners_and_clients_get_an_IPv4_fallback() => Fix(
        """
        using System.Net;
        using System.Net.Sockets;
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        class Server
        {
            TcpListener Tcp(int port) => new TcpListener([|IPAddress.IPv6Any|], port);
            void Kestrel(KestrelServerOptions options) => options.Listen([|IPAddress.IPv6Any|], 5000);
            UdpClient Udp(int port) => new UdpClient(port, [|AddressFamily.InterNetworkV6|]);
            TcpClient Client() => new TcpClient([|AddressFamily.InterNetworkV6|]);
        }
        """,
        """
        using System.Net;
        using System.Net.Sockets;
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        class Server
        {
            TcpListener Tcp(int port) => new TcpListener(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, port);
            void Kestrel(KestrelServerOptions options) => options.Listen(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, 5000);
            UdpClient Udp(int port) => new UdpClient(port, Socket.OSSupportsIPv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);
            TcpClient Client() => new TcpClient(Socket.OSSupportsIPv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);
        }
        """,
        kestrel: true);

    [Fact]
    public Task DualMode_in_an_initializer_is_reported_without_a_fix()
    {
        var source = """
            using System.Net.Sockets;

            class Client
            {
                Socket Create() => new Socket(SocketType.Stream, ProtocolType.Tcp) { [|DualMode = true|] };
            }
            """;
        return Fix(source, source);
    }

    [Fact]
    public Task Code_that_checks_OSSupportsIPv6_or_falls_back_is_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            TcpListener Guarded(int port)
            {
                if (!Socket.OSSupportsIPv6)
                {
                    return new TcpListener(IPAddress.Any, port);
                }

                var listener = new TcpListener(IPAddress.IPv6Any, port);
                listener.Server.DualMode = true;
                return listener;
            }

            Socket Fallback(int port)
            {
                try
                {
                    var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                    socket.DualMode = true;
                    return socket;
                }
                catch (SocketException)
                {
                    return new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                }
            }

            TcpListener Create(int port) => TcpListener.Create(port);
        }
        """);

    [Fact]
    public Task Branches_on_an_IPv6_support_flag_are_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Manager
        {
            public static readonly bool IPv6Support = Socket.OSSupportsIPv6;
            public bool IPv6Enabled { get; set; } = true;
            private Socket _v6;

            void Start(int port)
            {
                if (IPv6Support && IPv6Enabled)
                {
                    _v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                    _v6.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
                }
            }

            TcpListener Local(int port)
            {
                var dual = Socket.OSSupportsIPv6;
                return dual ? new TcpListener(IPAddress.IPv6Any, port) : new TcpListener(IPAddress.Any, port);
            }
        }
        """);

    [Fact]
    public Task Family_matched_code_and_non_binding_uses_are_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Peer
        {
            Socket ForPeer(IPEndPoint remote)
            {
                if (remote.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    return new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                }

                return new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            }

            EndPoint Placeholder(Socket socket) =>
                socket.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);

            bool IsWildcard(IPAddress address) => address.Equals(IPAddress.IPv6Any);

            void Configured(Socket listenSocket, EndPoint endPoint)
            {
                // The configured endpoint is IPv6Any, so the host has IPv6 (Orleans, Kestrel).
                if (endPoint is IPEndPoint ip && Equals(ip.Address, IPAddress.IPv6Any))
                {
                    listenSocket.DualMode = true;
                }
            }

            IPEndPoint Announce(IPEndPoint local)
            {
                if (local.Address.Equals(IPAddress.Any))
                {
                    return local;
                }
                else if (local.Address.Equals(IPAddress.IPv6Any))
                {
                    using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, 0);
                    socket.Connect("2001:4860:4860::8888", 65530);
                    return (IPEndPoint)socket.LocalEndPoint;
                }

                return local;
            }
            string Describe() => new IPEndPoint(IPAddress.IPv6Any, 80).ToString();
            void NotDual(Socket socket) => socket.DualMode = false;
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void A(Socket s)
            {
                var t = new Socket([|AddressFamily.InterNetworkV6|], SocketType.Stream, ProtocolType.Tcp)
            var u = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, );
                s.DualMode = 
                var l = new TcpListener(IPAddress.IPv6Any
                s.Bind(new IPEndPoint(IPAddress.IPv6Any, 
        """,
        incomplete: true);
}
