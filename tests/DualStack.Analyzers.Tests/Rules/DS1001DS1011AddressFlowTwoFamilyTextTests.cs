using Microsoft.CodeAnalysis;
using static DualStack.Analyzers.Tests.Rules.AddressFlowTesting;

namespace DualStack.Analyzers.Tests.Rules;

/// <summary>
/// A type that keeps the IPv6 wildcard beside the IPv4 one has two families, and its IPv4 default is deliberate. The
/// type's text is searched for the words and each mention's token looked up, so a word in a comment or a string is
/// not a second family, and a real one after such a mention still is.
/// </summary>
public sealed class DS1001DS1011AddressFlowTwoFamilyTextTests
{
    private const string Listener = """

        public sealed class Listener
        {
            private readonly Socket _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

            public void Start(EndpointOptions options) => _socket.Bind(new IPEndPoint(options.Address, 80));
        }
        """;

    [Fact]
    public Task IPv6Any_only_in_a_comment_and_a_string_is_no_second_family() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class EndpointOptions
        {
            // TODO: offer IPv6Any or InterNetworkV6 here too
            public string Note { get; set; } = "IPv6Any is not supported";
            public IPAddress Address { get; set; } = {|#0:IPAddress.Any|};
        }
        """ + Listener,
        Wildcard(DiagnosticSeverity.Warning, "IPAddress.Any (stored in 'EndpointOptions.Address', which Socket.Bind in 'Listener.Start' reads)"));

    [Fact]
    public Task IPv6Any_kept_after_a_mention_in_a_comment_is_a_second_family() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class EndpointOptions
        {
            // IPv6Any is the second family's default
            public IPAddress Address { get; set; } = IPAddress.Any;
            public IPAddress AddressV6 { get; set; } = IPAddress.IPv6Any;
        }
        """ + Listener);
}
