using Microsoft.CodeAnalysis;
using static DualStack.Analyzers.Tests.Rules.AddressFlowTesting;

namespace DualStack.Analyzers.Tests.Rules;

/// <summary>
/// The wildcard followed through virtual dispatch: an argument passed to an interface or base method arrives in the
/// parameter of each implementation and override in the compilation. Backwards (from the bind to the default, for the
/// Warning) and forwards (from the default to a parameter named as a listen address, for the Info); and silent where a
/// method only looks like an implementation.
/// </summary>
public sealed class DS1001DS1011AddressFlowDispatchTests
{
    [Fact]
    public Task Explicit_interface_implementation_that_binds_warns_at_the_default() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public interface ITransport
        {
            void Open(EndPoint local);
        }

        public sealed class SocketTransport : ITransport
        {
            private readonly Socket _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

            void ITransport.Open(EndPoint local) => _socket.Bind(local);
        }

        public sealed class Host
        {
            private readonly ITransport _transport = new SocketTransport();

            public void Start(int port) => _transport.Open(new IPEndPoint({|#0:IPAddress.Any|}, port));
        }
        """,
        Wildcard(DiagnosticSeverity.Warning, "IPAddress.Any (passed to parameter 'local' of 'ITransport.Open', which Socket.Bind in 'SocketTransport.ITransport.Open' reads)"));

    [Fact]
    public Task Override_of_an_override_that_binds_warns_at_the_default() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public abstract class Listener
        {
            public abstract void Listen(IPEndPoint endPoint);
        }

        public class SocketListener : Listener
        {
            protected readonly Socket Socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

            public override void Listen(IPEndPoint endPoint) => Socket.Listen();
        }

        public sealed class BoundListener : SocketListener
        {
            public override void Listen(IPEndPoint endPoint)
            {
                Socket.Bind(endPoint);
                base.Listen(endPoint);
            }
        }

        public static class Program
        {
            public static void Run(Listener listener) => listener.Listen(new IPEndPoint({|#0:IPAddress.Any|}, 9000));
        }
        """,
        Wildcard(DiagnosticSeverity.Warning, "IPAddress.Any (passed to parameter 'endPoint' of 'Listener.Listen', which Socket.Bind in 'BoundListener.Listen' reads)"));

    [Fact]
    public Task Interface_parameter_whose_implementation_names_a_listen_address_is_Info() => Analyze(
        """
        using System.Net;

        public interface IServer
        {
            void Configure(IPAddress address);
        }

        public sealed class Server : IServer
        {
            private IPAddress _current;

            public void Configure(IPAddress listenAddress) => _current = listenAddress;
        }

        public static class Program
        {
            public static void Run(IServer server) => server.Configure({|#0:IPAddress.Any|});
        }
        """,
        Wildcard(DiagnosticSeverity.Info, "IPAddress.Any (passed to parameter 'address' of 'IServer.Configure', then passed to parameter 'listenAddress' of 'Server.Configure', named as a listen address)"));

    [Fact]
    public Task Method_with_the_interface_signature_in_a_type_that_does_not_implement_it_stays_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public interface IServer
        {
            void Configure(IPAddress address);
        }

        public sealed class LookAlike
        {
            private readonly Socket _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

            public void Configure(IPAddress listenAddress) => _socket.Bind(new IPEndPoint(listenAddress, 80));
        }

        public sealed class Server : IServer
        {
            public void Configure(IPAddress address) { }
        }

        public static class Program
        {
            public static void Run(IServer server) => server.Configure(IPAddress.Any);
        }
        """);

    // Not dispatch, but the same refactoring's guard: a string not named as an address takes part only when the
    // wildcard literal is written into it, however the literal is spelled.
    [Theory]
    [InlineData("@\"0.0.0.0\"")]
    [InlineData("\"\"\"0.0.0.0\"\"\"")]
    [InlineData("\"0.0.0.0\"")]
    public Task Wildcard_literal_in_a_string_not_named_as_an_address_warns_however_it_is_spelled(string literal) => Analyze(
        $$"""
        using System.Net;
        using System.Net.Sockets;

        public sealed class Server
        {
            private readonly Socket _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            private string _text;

            public void Configure() => _text = {|#0:{{literal}}|};

            public void Start() => _socket.Bind(new IPEndPoint(IPAddress.Parse(_text), 80));
        }
        """,
        Wildcard(DiagnosticSeverity.Warning, literal + " (stored in 'Server._text', which Socket.Bind in 'Server.Start' reads)"));

    [Fact]
    public Task Other_literal_in_a_string_not_named_as_an_address_stays_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Server
        {
            private readonly Socket _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            private string _text;

            public void Configure() => _text = "0.0.0.1";

            public void Start() => _socket.Bind(new IPEndPoint(IPAddress.Parse(_text), 80));
        }
        """);
}
