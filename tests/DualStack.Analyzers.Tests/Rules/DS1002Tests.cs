using DualStack.Analyzers.Tests.Verifiers;
using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Sockets;
using DualStack.CodeFixes.Rules;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests.Rules;

public sealed class DS1002Tests
{
    private static Task Analyze(string source, ReferenceAssemblies? references = null) =>
        SocketRuleTest.AnalyzeAsync<DS1002IPv4DefaultConstructorAnalyzer>(source, references: references);

    [Fact]
    public Task TcpListener_of_port_is_fixed_to_Create() =>
        SocketRuleTest.FixAsync<DS1002IPv4DefaultConstructorAnalyzer, DS1002IPv4DefaultConstructorFixer>(
            """
            using System.Net.Sockets;

            class Server
            {
            #pragma warning disable CS0618 // obsolete: the point of the test
                TcpListener A() => [|new TcpListener(5000)|];
                TcpListener B(int port) => [|new TcpListener(port)|];
                object C(int port) => new System.Collections.Generic.List<TcpListener> { [|new TcpListener(port + 1)|] };
            }
            """,
            """
            using System.Net.Sockets;

            class Server
            {
            #pragma warning disable CS0618 // obsolete: the point of the test
                TcpListener A() => TcpListener.Create(5000);
                TcpListener B(int port) => TcpListener.Create(port);
                object C(int port) => new System.Collections.Generic.List<TcpListener> { TcpListener.Create(port + 1) };
            }
            """);

    [Fact]
    public Task UdpClient_default_and_port_constructors_are_reported() => Analyze(
        """
        using System.Net.Sockets;

        class Client
        {
            UdpClient Send() => [|new UdpClient()|];
            UdpClient Receive(int port) => [|new UdpClient(port)|];

            void Local()
            {
                using var client = [|new UdpClient(9000)|];
            }
        }
        """);

    [Fact]
    public Task TcpClient_default_constructor_is_reported_on_NET_Framework() => Analyze(
        """
        using System.Net.Sockets;

        class Client
        {
            TcpClient Connect(string host, int port)
            {
                var client = [|new TcpClient()|];
                client.Connect(host, port);
                return client;
            }
        }
        """,
        ReferenceAssemblies.NetFramework.Net472.Default);

    [Fact]
    public Task TcpClient_default_constructor_is_silent_on_NET_Core() => Analyze(
        """
        using System.Net.Sockets;

        class Client
        {
            TcpClient Connect(string host, int port)
            {
                var client = new TcpClient();
                client.Connect(host, port);
                return client;
            }
        }
        """);

    [Fact]
    public Task TcpClient_default_constructor_is_silent_on_NET_Standard() => Analyze(
        """
        using System.Net.Sockets;

        class Client
        {
            TcpClient Create() => new TcpClient();
        }
        """,
        ReferenceAssemblies.NetStandard.NetStandard20);

    [Fact]
    public Task Family_aware_constructors_are_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Client
        {
            UdpClient ForRemote(IPEndPoint remote) => new UdpClient(remote.AddressFamily);
            UdpClient Bound(int port) => new UdpClient(new IPEndPoint(IPAddress.IPv6Any, port));
            TcpListener Listener(int port) => TcpListener.Create(port);
            TcpClient Named(string host, int port) => new TcpClient(host, port);
            UdpClient Explicit(int port) => new UdpClient(port, AddressFamily.InterNetworkV6);
        }
        """);

    [Fact]
    public Task IPv6_branches_and_IPv4_multicast_are_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Client
        {
            UdpClient Choose(bool v6, int port) =>
                v6 && Socket.OSSupportsIPv6 ? new UdpClient(port, AddressFamily.InterNetworkV6) : new UdpClient(port);

            UdpClient Mdns()
            {
                var client = new UdpClient(5353);
                client.JoinMulticastGroup(IPAddress.Parse("224.0.0.251"));
                return client;
            }

            UdpClient Dhcp()
            {
                var client = new UdpClient(68);
                client.EnableBroadcast = true;
                return client;
            }

            void LocalAgent(byte[] datagram)
            {
                using var client = new UdpClient();
                client.Send(datagram, datagram.Length, new IPEndPoint(IPAddress.Loopback, 8125));
            }
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => SocketRuleTest.AnalyzeAsync<DS1002IPv4DefaultConstructorAnalyzer>(
        """
        using System.Net.Sockets;

        class Client
        {
            void A()
            {
                var a = [|new UdpClient()|]
                var b = new UdpClient(
                var c = new TcpListener(Missing);
                var d = new UdpClient(1, 
        """,
        incomplete: true);

    private static Task AnalyzeWithBuildProperties(string source, string buildProperties)
    {
        var test = new CSharpAnalyzerVerifier<DS1002IPv4DefaultConstructorAnalyzer>.Test { TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + buildProperties));
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("build_property.TargetFramework = net461\n")]
    [InlineData("build_property.TargetFramework = net48\nbuild_property.TargetFrameworkIdentifier = .NETFramework\n")]
    public Task TcpClient_default_constructor_is_reported_when_the_build_targets_NET_Framework(string buildProperties) => AnalyzeWithBuildProperties(
        """
        using System.Net.Sockets;

        class Channel
        {
            TcpClient Connect(string host, int port)
            {
                var client = [|new TcpClient()|];
                client.Connect(host, port);
                return client;
            }
        }
        """,
        buildProperties);

    [Theory]
    [InlineData("build_property.TargetFramework = net8.0\n")]
    [InlineData("build_property.TargetFramework = netstandard2.0\nbuild_property.TargetFrameworkIdentifier = .NETStandard\n")]
    public Task TcpClient_default_constructor_is_silent_when_the_build_targets_NET_or_NET_Standard(string buildProperties) => AnalyzeWithBuildProperties(
        """
        using System.Net.Sockets;

        class Channel
        {
            TcpClient Create() => new TcpClient();
        }
        """,
        buildProperties);
}
