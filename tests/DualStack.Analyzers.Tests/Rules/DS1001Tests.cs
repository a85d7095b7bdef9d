using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Sockets;
using DualStack.CodeFixes.Rules;

namespace DualStack.Analyzers.Tests.Rules;

public sealed class DS1001Tests
{
    private static Task Analyze(string source, bool kestrel = false) =>
        SocketRuleTest.AnalyzeAsync<DS1001IPv4WildcardBindAnalyzer>(source, kestrel);

    private static Task Fix(string source, string fixedSource, bool kestrel = false) =>
        SocketRuleTest.FixAsync<DS1001IPv4WildcardBindAnalyzer, DS1001IPv4WildcardBindFixer>(source, fixedSource, kestrel);

    [Fact]
    public Task TcpListener_on_IPAddress_Any_is_fixed_to_Create() => Fix(
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            TcpListener Start(int port) => new TcpListener([|IPAddress.Any|], port);
        }
        """,
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            TcpListener Start(int port) => TcpListener.Create(port);
        }
        """);

    [Fact]
    public Task TcpListener_on_a_local_holding_Any_is_fixed() => Fix(
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Start()
            {
                var any = IPAddress.Any;
                var listener = new TcpListener([|any|], 8080);
                listener.Start();
            }
        }
        """,
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Start()
            {
                var any = IPAddress.Any;
                var listener = TcpListener.Create(8080);
                listener.Start();
            }
        }
        """);

    [Fact]
    public Task TcpListener_on_an_inline_wildcard_endpoint_and_a_readonly_field_are_fixed() => Fix(
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            private static readonly IPAddress BindAddress = IPAddress.Any;
            private const string Wildcard = "0.0.0.0";

            TcpListener A(int port) => new TcpListener([|new IPEndPoint(IPAddress.Any, port)|]);
            TcpListener B(int port) => new TcpListener([|BindAddress|], port);
            TcpListener C() => new TcpListener([|IPAddress.Parse("0.0.0.0")|], 7000);
            TcpListener D() => new TcpListener([|IPAddress.Parse(Wildcard)|], 7001);

            TcpListener E(int port)
            {
                TcpListener listener = new([|IPAddress.Any|], port);
                return listener;
            }
        }
        """,
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            private static readonly IPAddress BindAddress = IPAddress.Any;
            private const string Wildcard = "0.0.0.0";

            TcpListener A(int port) => TcpListener.Create(port);
            TcpListener B(int port) => TcpListener.Create(port);
            TcpListener C() => TcpListener.Create(7000);
            TcpListener D() => TcpListener.Create(7001);

            TcpListener E(int port)
            {
                TcpListener listener = TcpListener.Create(port);
                return listener;
            }
        }
        """);

    [Fact]
    public Task TcpListener_with_an_object_initializer_is_reported_without_a_fix()
    {
        var source = """
            using System.Net;
            using System.Net.Sockets;

            class Server
            {
                TcpListener Start(int port) => new TcpListener([|IPAddress.Any|], port) { ExclusiveAddressUse = true };
            }
            """;
        return Fix(source, source);
    }

    [Fact]
    public Task Socket_Bind_and_UdpClient_on_the_IPv4_wildcard_are_reported_without_a_fix() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            const long AnyAddress = 0;

            void Tcp(Socket socket) => socket.Bind([|new IPEndPoint(IPAddress.Any, 80)|]);
            void Zero(Socket socket) => socket.Bind([|new IPEndPoint(AnyAddress, 80)|]);
            UdpClient Udp() => new UdpClient([|new IPEndPoint(IPAddress.Any, 53)|]);

            void Local(Socket socket)
            {
                var endPoint = new IPEndPoint(IPAddress.Any, 9000);
                socket.Bind([|endPoint|]);
            }
        }
        """);

    [Fact]
    public Task Kestrel_Listen_on_Any_is_fixed_to_ListenAnyIP() => Fix(
        """
        using System.Net;
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        class Startup
        {
            private readonly IPAddress _address = IPAddress.Any;

            void Configure(KestrelServerOptions options)
            {
                options.Listen([|IPAddress.Any|], 5000);
                options.Listen([|IPAddress.Any|], 5001, listen => listen.UseHttps = true);
                options.Listen([|new IPEndPoint(IPAddress.Any, 5002)|], listen => { });
                options.Listen([|_address|], 5003);
            }
        }
        """,
        """
        using System.Net;
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        class Startup
        {
            private readonly IPAddress _address = IPAddress.Any;

            void Configure(KestrelServerOptions options)
            {
                options.ListenAnyIP(5000);
                options.ListenAnyIP(5001, listen => listen.UseHttps = true);
                options.ListenAnyIP(5002, listen => { });
                options.ListenAnyIP(5003);
            }
        }
        """,
        kestrel: true);

    [Fact]
    public Task Dual_stack_and_non_wildcard_binds_are_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        class Server
        {
            TcpListener Create(int port) => TcpListener.Create(port);
            TcpListener Loopback(int port) => new TcpListener(IPAddress.Loopback, port);
            TcpListener FromConfig(IPAddress configured, int port) => new TcpListener(configured, port);
            void Kestrel(KestrelServerOptions options) => options.ListenAnyIP(5000);

            void BothFamilies(int port)
            {
                new TcpListener(IPAddress.Any, port).Start();
                new TcpListener(IPAddress.IPv6Any, port).Start();
            }
        }
        """,
        kestrel: true);

    [Fact]
    public Task Family_matched_placeholders_and_guarded_binds_are_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Placeholder(Socket socket, IPAddress remote)
            {
                var any = remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
                socket.Bind(new IPEndPoint(any, 0));
            }

            Socket Guarded(int port)
            {
                if (Socket.OSSupportsIPv6)
                {
                    var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
                    socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
                    return socket;
                }

                var v4 = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                v4.Bind(new IPEndPoint(IPAddress.Any, port));
                return v4;
            }

            void Reassigned(Socket socket, bool loopback)
            {
                var address = IPAddress.Any;
                if (loopback)
                {
                    address = IPAddress.Loopback;
                }

                socket.Bind(new IPEndPoint(address, 80));
            }
        }
        """);

    [Fact]
    public Task IPv4_multicast_discovery_and_look_alike_types_are_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Discovery
        {
            void Ssdp()
            {
                var client = new UdpClient(new IPEndPoint(IPAddress.Any, 1900));
                client.JoinMulticastGroup(IPAddress.Parse("239.255.255.250"));
            }

            void Broadcast(Socket socket)
            {
                socket.EnableBroadcast = true;
                socket.Bind(new IPEndPoint(IPAddress.Any, 67));
            }
        }

        namespace Other
        {
            class IPAddress { public static readonly IPAddress Any = new IPAddress(); }
            class TcpListener { public TcpListener(IPAddress a, int p) { } }
            class Use { TcpListener L() => new TcpListener(IPAddress.Any, 1); }
        }
        """);

    [Fact]
    public Task Generated_code_is_skipped() => Analyze(
        """
        // <auto-generated/>
        using System.Net;
        using System.Net.Sockets;

        class Generated
        {
            TcpListener Start(int port) => new TcpListener(IPAddress.Any, port);
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => SocketRuleTest.AnalyzeAsync<DS1001IPv4WildcardBindAnalyzer>(
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void A(int port)
            {
                var l = new TcpListener([|IPAddress.Any|], port)
                var m = new TcpListener(IPAddress.Any, );
                var n = new TcpListener(Unknown.Any, port);
                socket.Bind(new IPEndPoint(IPAddress.
                new UdpClient(new IPEndPoint(
            }
        """,
        kestrel: true,
        incomplete: true);
}
