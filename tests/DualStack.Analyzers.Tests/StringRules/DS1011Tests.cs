using Verify = DualStack.Analyzers.Tests.Verifiers.StringRuleVerifier<DualStack.Analyzers.StringRules.DS1009DS1011AddressResolutionAnalyzer>;

namespace DualStack.Analyzers.Tests.StringRules;

public sealed class DS1011Tests
{
    [Fact]
    public async Task First_answer_used_to_connect_or_listen_is_reported()
    {
        await Verify.VerifyAsync("""
            using System.Linq;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;
            class C
            {
                void Connect(Socket socket, string host) => socket.Connect({|DS1011:Dns.GetHostAddresses(host)[0]|}, 80);

                // A returned endpoint leaves the member: the flow analyzer reports it (DS1011FirstDnsAnswerOneFindingTests).
                IPEndPoint EndPoint(string host) => new IPEndPoint(Dns.GetHostEntry(host).AddressList[0], 443);

                async Task Listen(string host)
                {
                    var addresses = await Dns.GetHostAddressesAsync(host);
                    var first = {|DS1011:addresses.First()|};
                    var listener = new TcpListener(first, 8080);
                }

                async Task ClientAsync(TcpClient client, string host)
                {
                    var entry = Dns.GetHostEntry(host);
                    await client.ConnectAsync({|DS1011:entry.AddressList.FirstOrDefault()|}!, 6379);
                }
            }
            """);
    }

    [Fact]
    public async Task First_answer_of_a_lookup_waited_with_Result_or_GetResult_is_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            class C
            {
                IPEndPoint Bind(string host, int port)
                {
                    var ipAddresses = Dns.GetHostAddressesAsync(host).Result;
                    if (ipAddresses.Length == 0)
                    {
                        throw new System.ArgumentException("unresolved", nameof(host));
                    }

                    return new IPEndPoint(ipAddresses[0], port);
                }

                // Returned endpoints leave the member: the flow analyzer reports them (DS1011FirstDnsAnswerOneFindingTests).
                IPEndPoint Connect(string host) => new IPEndPoint(Dns.GetHostAddressesAsync(host).GetAwaiter().GetResult()[0], 80);

                void Open(System.Net.Sockets.Socket socket, string host) =>
                    socket.Connect(new IPEndPoint({|DS1011:Dns.GetHostAddressesAsync(host).GetAwaiter().GetResult()[0]|}, 80));

                void Listen(int port)
                {
                    var ipAddresses = Dns.GetHostAddressesAsync("localhost").Result;
                    var endPoint = new IPEndPoint({|DS1011:ipAddresses[0]|}, port);
                    new System.Net.Sockets.TcpListener(endPoint).Start();
                }
            }
            """);
    }

    [Fact]
    public async Task Waited_lookup_whose_answers_are_all_kept_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Linq;
            using System.Net;
            class C
            {
                IPEndPoint[] Bind(string host, int port)
                {
                    var ipAddresses = Dns.GetHostAddressesAsync(host).Result;
                    var count = System.Threading.Tasks.Task.FromResult(new[] { 1 }).Result[0];
                    return ipAddresses.Select(a => new IPEndPoint(a, port + count)).ToArray();
                }
            }
            """);
    }

    [Fact]
    public async Task All_answers_logging_and_family_filters_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Linq;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;
            class C
            {
                async Task All(Socket socket, string host) => await socket.ConnectAsync(Dns.GetHostAddresses(host), 80);

                void Log(string host) => Console.WriteLine(Dns.GetHostAddresses(host)[0]);

                IPEndPoint Filtered(string host) =>
                    new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetworkV6), 80);

                IPEndPoint NotDns(IPAddress[] configured) => new IPEndPoint(configured[0], 80);

                Task ByName(TcpClient client, string host) => client.ConnectAsync(host, 80);
            }
            """);
    }

    [Fact]
    public async Task Incomplete_code_does_not_throw()
    {
        await Verify.VerifyIncompleteAsync("""
            using System.Net;
            using System.Net.Sockets;
            class C
            {
                void Connect(Socket socket, string host) => socket.Connect({|DS1011:Dns.GetHostAddresses(host)[0]|}, 80)
                void Other(Socket socket) => socket.Connect(Dns.GetHostAddresses()[0], );
                void Third(Socket socket, string host) => socket.Connect(Dns.GetHostAddresses(host)[, 80);
                IPEndPoint Fourth(string host) => new IPEndPoint(Dns.Missing(host)[0], 80);
            }
            """);
    }
}
