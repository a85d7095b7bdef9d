using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Sockets;

namespace DualStack.Analyzers.Tests.Rules;

public sealed class DS1004Tests
{
    private static Task Analyze(string source, bool incomplete = false) =>
        SocketRuleTest.AnalyzeAsync<DS1004IPv4OnlyAddressApiAnalyzer>(source, incomplete: incomplete);

    [Fact]
    public Task Address_property_reads_and_writes_are_reported() => Analyze(
        """
        using System.Net;

        #pragma warning disable CS0618 // obsolete: the point of the test
        class Filter
        {
            private IPAddress _peer;

            bool IsPrivate(IPAddress address) => ([|address.Address|] & 0xFF) == 10;
            long Key(IPEndPoint endPoint) => [|endPoint.Address.Address|];
            void Set(long value) => [|_peer.Address|] = value;
        }
        """);

    [Fact]
    public Task Long_built_addresses_reaching_a_socket_are_reported() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Client
        {
            void Connect(Socket socket, int port) => socket.Connect([|new IPEndPoint(0x0100007F, port)|]);
            TcpListener Listen(long address, int port) => new TcpListener([|new IPAddress(address)|], port);

            void Send(UdpClient client, long address, byte[] data)
            {
                var target = [|new IPAddress(address)|];
                var endPoint = new IPEndPoint(target, 53);
                client.Send(data, data.Length, endPoint);
            }
        }
        """);

    [Fact]
    public Task Known_IPv4_values_and_family_checked_code_are_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        #pragma warning disable CS0618
        class Filter
        {
            long Loopback() => IPAddress.Loopback.Address;
            long Mapped(IPAddress address) => address.MapToIPv4().Address;
            long Built(long value) => new IPAddress(value).Address;

            long Checked(IPAddress address)
            {
                if (address.AddressFamily != AddressFamily.InterNetwork)
                {
                    return 0;
                }

                return address.Address;
            }
        }
        """);

    [Fact]
    public Task Sentinels_wildcards_and_byte_constructors_are_silent() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Silo
        {
            public static readonly IPEndPoint Zero = new IPEndPoint(new IPAddress(0), 0);
            private readonly IPAddress _none = new IPAddress(0xFFFFFFFF);

            IPEndPoint FromBytes(byte[] bytes, int port) => new IPEndPoint(new IPAddress(bytes), port);
            string Describe(long address) => new IPEndPoint(address, 80).ToString();
            void Wildcard(Socket socket) => socket.Bind(new IPEndPoint(0, 80));
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => Analyze(
        """
        using System.Net;
        using System.Net.Sockets;

        class Client
        {
            void A(Socket socket, IPAddress a)
            {
                var x = [|a.Address|]
                socket.Connect(new IPEndPoint(0x0100007F, 
                var y = new IPAddress(;
                [|a.Address|] = 
        """,
        incomplete: true);
}
