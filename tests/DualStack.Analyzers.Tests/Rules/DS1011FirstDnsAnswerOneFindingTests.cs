using System.Collections.Immutable;
using DualStack.Analyzers.Rules;
using DualStack.Analyzers.StringRules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests.Rules;

/// <summary>
/// DS1011 comes from two analyzers: the member-local one (DS1009DS1011AddressResolutionAnalyzer: the first answer
/// made into an endpoint or connected right there, Info) and the cross-member flow (the answer kept and connected or
/// bound elsewhere, Warning). Run together, as in every build, one first answer gets one finding, at the stronger
/// evidence. Shapes rewritten from an actor-IO stream binding (Akka.Streams Tcp.Bind).
/// </summary>
public sealed class DS1011FirstDnsAnswerOneFindingTests
{
    private sealed class BothAnalyzers : CSharpAnalyzerTest<DS1001DS1011AddressFlowAnalyzer, DefaultVerifier>
    {
        public BothAnalyzers() => ReferenceAssemblies = ReferenceAssemblies.Net.Net80;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            [new DS1001DS1011AddressFlowAnalyzer(), new DS1009DS1011AddressResolutionAnalyzer()];
    }

    private static Task Analyze(string source, params DiagnosticResult[] expected)
    {
        var test = new BothAnalyzers { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Endpoint_from_the_first_answer_handed_to_a_stage_that_binds_it_is_one_Warning() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class ConnectionSourceStage
        {
            private readonly EndPoint _endpoint;

            public ConnectionSourceStage(EndPoint endpoint) => _endpoint = endpoint;

            public Socket Start()
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(_endpoint);
                return socket;
            }
        }

        public sealed class TcpExt
        {
            public ConnectionSourceStage Bind(string host, int port)
            {
                var ipAddresses = Dns.GetHostAddressesAsync(host).Result;
                return new ConnectionSourceStage(new IPEndPoint({|#0:ipAddresses[0]|}, port));
            }
        }
        """,
        new DiagnosticResult("DS1011", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'ipAddresses[0]' (passed to parameter 'endpoint' of 'ConnectionSourceStage..ctor', which Socket.Bind in 'ConnectionSourceStage.Start' reads)"));

    [Fact]
    public Task Endpoint_from_the_first_answer_stored_in_a_field_and_connected_later_is_one_Warning() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Client
        {
            private IPEndPoint _server;

            public void Resolve(string host, int port) => _server = new IPEndPoint({|#0:Dns.GetHostEntry(host).AddressList[0]|}, port);

            public void Open()
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(_server);
            }
        }
        """,
        new DiagnosticResult("DS1011", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'Dns.GetHostEntry(host).AddressList[0]' (stored in 'Client._server', which Socket.Connect in 'Client.Open' reads)"));

    [Fact]
    public Task Endpoint_from_the_first_answer_handed_to_a_method_that_never_connects_is_one_Info() => Analyze(
        """
        using System.Net;

        public sealed class Registry
        {
            private EndPoint _advertised;

            public void Advertise(EndPoint endpoint) => _advertised = endpoint;

            public void Register(string host, int port) => Advertise(new IPEndPoint({|#0:Dns.GetHostAddresses(host)[0]|}, port));
        }
        """,
        new DiagnosticResult("DS1011", DiagnosticSeverity.Info).WithLocation(0).WithArguments("'Dns.GetHostAddresses(host)[0]'"));

    [Fact]
    public Task First_answer_connected_right_where_it_is_taken_is_one_Info() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Client
        {
            public Socket Open(string host, int port)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(new IPEndPoint({|#0:Dns.GetHostAddresses(host)[0]|}, port));
                return socket;
            }
        }
        """,
        new DiagnosticResult("DS1011", DiagnosticSeverity.Info).WithLocation(0).WithArguments("'Dns.GetHostAddresses(host)[0]'"));

    [Fact]
    public Task Returned_endpoints_from_the_first_answer_are_one_Info_each() => Analyze(
        """
        using System.Net;

        class C
        {
            IPEndPoint EndPoint(string host) => new IPEndPoint({|#0:Dns.GetHostEntry(host).AddressList[0]|}, 443);

            IPEndPoint Bind(string host, int port)
            {
                var ipAddresses = Dns.GetHostAddressesAsync(host).Result;
                return new IPEndPoint({|#1:ipAddresses[0]|}, port);
            }

            IPEndPoint Connect(string host) => new IPEndPoint({|#2:Dns.GetHostAddressesAsync(host).GetAwaiter().GetResult()[0]|}, 80);
        }
        """,
        new DiagnosticResult("DS1011", DiagnosticSeverity.Info).WithLocation(0).WithArguments("'Dns.GetHostEntry(host).AddressList[0]'"),
        new DiagnosticResult("DS1011", DiagnosticSeverity.Info).WithLocation(1).WithArguments("'ipAddresses[0]'"),
        new DiagnosticResult("DS1011", DiagnosticSeverity.Info).WithLocation(2).WithArguments("'Dns.GetHostAddressesAsync(host).GetAwaiter().GetResult()[0]'"));

    [Fact]
    public Task Returned_endpoint_from_the_first_answer_that_a_caller_binds_is_one_Warning() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            static IPEndPoint Resolve(string host, int port) => new IPEndPoint({|#0:Dns.GetHostAddresses(host)[0]|}, port);

            public TcpListener Start(string host)
            {
                var listener = new TcpListener(Resolve(host, 8080));
                listener.Start();
                return listener;
            }
        }
        """,
        new DiagnosticResult("DS1011", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'Dns.GetHostAddresses(host)[0]' (returned by 'Server.Resolve', which new TcpListener in 'Server.Start' reads)"));
}
