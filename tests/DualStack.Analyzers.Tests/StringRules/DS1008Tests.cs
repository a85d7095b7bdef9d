using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Verify = DualStack.Analyzers.Tests.Verifiers.StringRuleVerifier<DualStack.Analyzers.StringRules.DS1008HardCodedIPv4LiteralAnalyzer>;

namespace DualStack.Analyzers.Tests.StringRules;

public sealed class DS1008Tests
{
    [Fact]
    public async Task Literals_reaching_address_parsers_and_connect_calls_are_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            using System.Net.Sockets;
            class C
            {
                void M(Socket socket)
                {
                    var a = IPAddress.Parse("{|DS1008:10.0.0.5|}");
                    var e = IPEndPoint.Parse("{|DS1008:172.16.0.1|}:5000");
                    socket.Connect("{|DS1008:192.168.1.20|}", 6379);
                    var client = new TcpClient("{|DS1008:127.0.0.1|}", 80);
                    var dns = new DnsEndPoint("{|DS1008:10.1.2.3|}", 53);
                }
            }
            """);
    }

    [Fact]
    public async Task Literals_in_urls_reaching_uri_httpclient_grpc_and_kestrel_are_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net.Http;
            using Grpc.Net.Client;
            using Microsoft.AspNetCore.Hosting;
            class C
            {
                async void M(HttpClient http, IWebHostBuilder builder, int port)
                {
                    http.BaseAddress = new Uri("http://{|DS1008:127.0.0.1|}:5000/");
                    await http.GetAsync($"http://{|DS1008:10.0.0.7|}:{port}/health");
                    var channel = GrpcChannel.ForAddress("https://{|DS1008:10.0.0.8|}:443");
                    builder.UseUrls("http://{|DS1008:127.0.0.1|}:5000;http://0.0.0.0:5001");
                    var request = new HttpRequestMessage(HttpMethod.Get, "http://{|DS1008:10.0.0.9|}/");
                    var ok = Uri.TryCreate("http://{|DS1008:10.0.0.10|}/", UriKind.Absolute, out var parsed);
                }
            }
            """);
    }

    [Fact]
    public async Task Literal_in_a_local_is_reported_at_the_use()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            class C
            {
                IPAddress M()
                {
                    var host = "{|#1:10.20.30.40|}";
                    return IPAddress.Parse({|#0:host|});
                }
            }
            """,
            Verify.Diagnostic("DS1008").WithLocation(0).WithLocation(1).WithArguments("10.20.30.40", "IPAddress.Parse", "it cannot work on an IPv6-only cluster"));
    }

    [Fact]
    public async Task A_non_loopback_literal_cannot_work_on_an_IPv6_only_cluster()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            class C
            {
                void M()
                {
                    var a = IPAddress.Parse("{|#0:10.0.0.5|}");
                    var b = IPAddress.Parse("{|#1:128.0.0.1|}");
                }
            }
            """,
            Verify.Diagnostic("DS1008").WithLocation(0)
                .WithMessage("The IPv4 literal \"10.0.0.5\" reaches IPAddress.Parse; it cannot work on an IPv6-only cluster"),
            Verify.Diagnostic("DS1008").WithLocation(1)
                .WithMessage("The IPv4 literal \"128.0.0.1\" reaches IPAddress.Parse; it cannot work on an IPv6-only cluster"));
    }

    [Fact]
    public async Task A_loopback_literal_gets_the_loopback_message_for_its_sink()
    {
        // Connected to: a peer on ::1 only is missed. Listened on: clients using localhost or ::1 miss it. Parsed: either.
        const string Loopback = "the IPv4 loopback exists in every pod, even on an IPv6-only cluster, but ";
        const string PeerMissed = "a local peer listening on the IPv6 loopback (::1) only is unreachable through it";
        const string ListenerMissed = "local clients that connect to localhost or ::1 miss a listener bound to it";
        await Verify.VerifyAsync("""
            using System;
            using System.Net;
            using System.Net.Sockets;
            using Microsoft.AspNetCore.Hosting;
            class C
            {
                void M(IWebHostBuilder builder)
                {
                    var client = new TcpClient("{|#0:127.0.0.1|}", 80);
                    var uri = new Uri("http://{|#1:127.10.0.1|}:5000/");
                    builder.UseUrls("http://{|#2:127.0.0.1|}:5000");
                    var endpoint = IPEndPoint.Parse("{|#3:127.0.0.1|}:8080");
                }
            }
            """,
            Verify.Diagnostic("DS1008").WithLocation(0)
                .WithMessage("The IPv4 literal \"127.0.0.1\" reaches new TcpClient; " + Loopback + PeerMissed),
            Verify.Diagnostic("DS1008").WithLocation(1)
                .WithMessage("The IPv4 literal \"127.10.0.1\" reaches new Uri; " + Loopback + PeerMissed),
            Verify.Diagnostic("DS1008").WithLocation(2)
                .WithMessage("The IPv4 literal \"127.0.0.1\" reaches a Kestrel listen URL (UseUrls); " + Loopback + ListenerMissed),
            Verify.Diagnostic("DS1008").WithLocation(3)
                .WithMessage("The IPv4 literal \"127.0.0.1\" reaches IPEndPoint.Parse; " + Loopback + PeerMissed + ", and " + ListenerMissed));
    }

    [Fact]
    public async Task Versions_oids_documentation_ranges_multicast_and_non_sinks_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net;
            using System.Net.Sockets;
            class C
            {
                const string AssemblyVersion = "1.2.3.4";
                void M(Socket socket, string configured)
                {
                    var version = new Version("1.2.3.4");
                    Console.WriteLine("connecting to 10.0.0.5");
                    var short1 = IPAddress.Parse("2");
                    var oid = "2.5.4.3.1";
                    var doc = IPAddress.Parse("192.0.2.10");
                    var doc2 = new Uri("http://203.0.113.5/");
                    var ssdp = IPAddress.Parse("239.255.255.250");
                    var broadcast = IPAddress.Parse("255.255.255.255");
                    var v6 = IPAddress.Parse("::1");
                    var name = new Uri("http://api.internal:8080/");
                    socket.Connect(configured, 80);
                    var big = IPAddress.Parse("300.1.1.1");
                }
            }
            """);
    }

    [Fact]
    public async Task Test_projects_are_not_analysed()
    {
        var test = new CSharpAnalyzerTest<DualStack.Analyzers.StringRules.DS1008HardCodedIPv4LiteralAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = """
                class FixtureTests
                {
                    [Xunit.Fact]
                    public void Parses() => System.Net.IPAddress.Parse("10.0.0.5");
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync();
    }

    [Fact]
    public async Task Incomplete_code_does_not_throw()
    {
        await Verify.VerifyIncompleteAsync("""
            using System;
            using System.Net;
            class C
            {
                void M()
                {
                    var a = IPAddress.Parse("{|DS1008:10.0.0.5|}")
                    var u = new Uri(
                    var b = IPAddress.Parse(Missing.Host + , );
                    var c = new Unknown("10.0.0.5");
                }
            }
            """);
    }

    // A parse is not a network sink by itself: a table of private ranges and masks (rewritten from a Kubernetes
    // hosting helper) that only ranks candidate addresses by their bytes never reaches a socket.
    [Fact]
    public async Task Parsed_literals_used_only_to_rank_or_compare_addresses_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            static class AddressRanking
            {
                private static readonly (IPAddress Network, IPAddress Mask)[] PrivateRanges = new[]
                {
                    (IPAddress.Parse("10.0.0.0"), IPAddress.Parse("255.0.0.0")),
                    (IPAddress.Parse("192.168.0.0"), IPAddress.Parse("255.255.0.0")),
                };

                private static readonly IPAddress Gateway = IPAddress.Parse("10.1.0.1");

                public static int Rank(IPAddress candidate)
                {
                    var bytes = candidate.GetAddressBytes();
                    var rank = 0;
                    foreach (var (network, mask) in PrivateRanges)
                    {
                        var maskBytes = mask.GetAddressBytes();
                        var networkBytes = network.GetAddressBytes();
                        if (bytes.Length == maskBytes.Length && (bytes[0] & maskBytes[0]) == networkBytes[0])
                        {
                            return rank;
                        }

                        rank++;
                    }

                    if (candidate.Equals(Gateway) || candidate == IPAddress.Parse("10.1.0.2"))
                    {
                        return -1;
                    }

                    return PrivateRanges.Length;
                }
            }
            """);
    }

    [Fact]
    public async Task Parsed_literals_that_reach_an_endpoint_or_leave_the_type_are_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            using System.Net.Sockets;
            static class Resolvers
            {
                private static readonly (IPAddress Server, int Port)[] Servers = new[]
                {
                    (IPAddress.Parse("{|DS1008:10.0.0.53|}"), 53),
                };

                private static readonly IPAddress Fallback = IPAddress.Parse("{|DS1008:10.0.0.54|}");

                public static readonly IPAddress Shared = IPAddress.Parse("{|DS1008:10.0.0.55|}");

                public static void Query(Socket socket)
                {
                    foreach (var (server, port) in Servers)
                    {
                        socket.Connect(new IPEndPoint(server, port));
                    }

                    socket.Connect(Fallback, 53);
                    var local = IPAddress.Parse("{|DS1008:10.0.0.56|}");
                    if (local.Equals(Fallback))
                    {
                        return;
                    }

                    socket.Bind(new IPEndPoint(local, 0));
                }
            }
            """);
    }

    // The IPv4 half of a family-aware pair (rewritten from outbound-address discovery in a cache server): the
    // literal is only used when the configured address is IPv4, and the sibling branch does the same over IPv6.
    [Fact]
    public async Task A_literal_in_the_IPv4_branch_with_an_IPv6_twin_is_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            using System.Net.Sockets;
            class C
            {
                IPAddress Outbound(IPAddress bound)
                {
                    if (bound.Equals(IPAddress.Any))
                    {
                        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, 0);
                        socket.Connect("8.8.8.8", 65530);
                        return ((IPEndPoint)socket.LocalEndPoint).Address;
                    }
                    else if (bound.Equals(IPAddress.IPv6Any))
                    {
                        using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, 0);
                        socket.Connect("2001:4860:4860::8888", 65530);
                        return ((IPEndPoint)socket.LocalEndPoint).Address;
                    }

                    return bound;
                }

                string Probe(AddressFamily family)
                {
                    if (family == AddressFamily.InterNetworkV6)
                    {
                        return new System.Uri("http://[::1]:80/").Host;
                    }
                    else
                    {
                        return new System.Uri("http://127.0.0.1:80/").Host;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_literal_in_a_branch_without_an_IPv6_twin_is_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            using System.Net.Sockets;
            class C
            {
                IPAddress Outbound(IPAddress bound, bool verbose)
                {
                    if (bound.Equals(IPAddress.Any))
                    {
                        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, 0);
                        socket.Connect("{|DS1008:8.8.8.8|}", 65530);
                        return ((IPEndPoint)socket.LocalEndPoint).Address;
                    }
                    else if (verbose)
                    {
                        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, 0);
                        socket.Connect("{|DS1008:1.1.1.1|}", 65530);
                        return ((IPEndPoint)socket.LocalEndPoint).Address;
                    }

                    return bound;
                }
            }
            """);
    }

    // Files without any dotted-quad text are skipped before values are resolved (cost); a constant declared in
    // another file still reaches the sink directly or inside an interpolation.
    [Fact]
    public async Task A_constant_from_another_file_is_reported_where_it_reaches_the_sink()
    {
        var test = new CSharpAnalyzerTest<DualStack.Analyzers.StringRules.DS1008HardCodedIPv4LiteralAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("Client.cs", """
            using System;
            using System.Net;
            class Client
            {
                IPAddress Server() => IPAddress.Parse({|#0:Defaults.Host|});
                Uri Api(int port) => new Uri($"http://{{|#1:Defaults.Host|}}:{port}/");
                Uri Name(string host) => new Uri($"http://{host}/");
            }
            """));
        test.TestState.Sources.Add(("Defaults.cs", """
            static class Defaults
            {
                public const string Host = "10.0.0.5";
            }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DS1008", DiagnosticSeverity.Info).WithLocation(0).WithArguments("10.0.0.5", "IPAddress.Parse", "it cannot work on an IPv6-only cluster"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DS1008", DiagnosticSeverity.Info).WithLocation(1).WithArguments("10.0.0.5", "new Uri", "it cannot work on an IPv6-only cluster"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Kestrel_url_collections_are_sinks_and_other_collections_are_not()
    {
        await Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting.Server.Features;
            class C
            {
                void M(WebApplication app, IServerAddressesFeature feature, List<string> hosts, ICollection<string> Urls)
                {
                    app.Urls.Add("http://{|DS1008:127.0.0.1|}:5000");
                    feature.Addresses.Add("http://{|DS1008:10.0.0.4|}:5001");
                    hosts.Add("10.0.0.5");
                    Urls.Add("http://10.0.0.6:5002");
                }
            }
            """);
    }
}
