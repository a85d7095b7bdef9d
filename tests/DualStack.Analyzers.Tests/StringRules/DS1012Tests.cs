using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using DualStack.CodeFixes.StringRules;
using Verify = DualStack.Analyzers.Tests.Verifiers.StringRuleVerifier<DualStack.Analyzers.StringRules.DS1012HostPortCompositionAnalyzer>;

namespace DualStack.Analyzers.Tests.StringRules;

public sealed class DS1012Tests
{
    [Fact]
    public async Task Urls_built_from_an_address_are_reported_at_the_host()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net;
            using System.Net.Http;
            using Grpc.Net.Client;
            class C
            {
                string GetCurrentIp() => "10.0.0.1";

                async void M(HttpClient http, IPAddress ip, IPEndPoint endPoint, Uri uri, int port, string serverIp)
                {
                    var a = new Uri($"http://{{|DS1012:ip|}}:{port}/");
                    await http.GetAsync("http://" + {|DS1012:endPoint.Address|} + ":" + port + "/health");
                    var channel = GrpcChannel.ForAddress(string.Format("https://{0}:{1}", {|DS1012:ip.ToString()|}, port));
                    var b = new Uri($"http://{{|DS1012:uri.DnsSafeHost|}}:{uri.Port}/");
                    var c = GrpcChannel.ForAddress($"https://{{|DS1012:serverIp|}}:{port}");
                    var d = new Uri($"http://{{|DS1012:GetCurrentIp()|}}:{port}");
                }
            }
            """);
    }

    [Fact]
    public async Task Host_port_for_configuration_and_parsers_is_reported_and_fixed()
    {
        await Verify.VerifyFixAsync<DS1012HostPortCompositionFixer>("""
            using System;
            using System.Net;
            using Microsoft.Extensions.Configuration;
            class C
            {
                void M(IConfiguration configuration, IPAddress ip, int port)
                {
                    configuration["Redis:Endpoint"] = $"{{|DS1012:ip|}}:{port}";
                    Environment.SetEnvironmentVariable("PEER", $"{{|DS1012:ip|}}:{port + 1}");
                    var parsed = IPEndPoint.Parse($"{{|DS1012:ip|}}:{port}");
                }
            }
            """, """
            using System;
            using System.Net;
            using Microsoft.Extensions.Configuration;
            class C
            {
                void M(IConfiguration configuration, IPAddress ip, int port)
                {
                    configuration["Redis:Endpoint"] = new IPEndPoint(ip, port).ToString();
                    Environment.SetEnvironmentVariable("PEER", new IPEndPoint(ip, port + 1).ToString());
                    var parsed = IPEndPoint.Parse(new IPEndPoint(ip, port).ToString());
                }
            }
            """);
    }

    [Fact]
    public async Task Composition_in_a_local_is_reported_and_fixed_where_written()
    {
        await Verify.VerifyFixAsync<DS1012HostPortCompositionFixer>("""
            class C
            {
                void M(System.Net.IPAddress ip, int port)
                {
                    var endpoint = $"{{|#1:ip|}}:{port}";
                    System.Environment.SetEnvironmentVariable("PEER", endpoint);
                }
            }
            """, """
            class C
            {
                void M(System.Net.IPAddress ip, int port)
                {
                    var endpoint = new System.Net.IPEndPoint(ip, port).ToString();
                    System.Environment.SetEnvironmentVariable("PEER", endpoint);
                }
            }
            """,
            Verify.Diagnostic("DS1012").WithLocation(1).WithArguments("\"{ip}:{port}\"", "an environment variable"));
    }

    [Fact]
    public async Task Ushort_ports_and_urls_are_reported_without_a_fix()
    {
        const string Source = """
            using System;
            using System.Net;
            class C
            {
                void M(IPAddress ip, ushort port, int p)
                {
                    Environment.SetEnvironmentVariable("PEER", $"{{|DS1012:ip|}}:{port}");
                    var u = new Uri($"http://{{|DS1012:ip|}}:{p}");
                }
            }
            """;
        await Verify.VerifyFixAsync<DS1012HostPortCompositionFixer>(Source, Source);
    }

    [Fact]
    public async Task Endpoints_stored_or_returned_for_later_parsing_are_reported()
    {
        await Verify.VerifyFixAsync<DS1012HostPortCompositionFixer>("""
            using System.Net;
            class Options { public string ServerAddress { get; set; } = ""; public string ClientName { get; set; } = ""; }
            class C
            {
                string peerEndpoint = "";
                IPAddress ip = IPAddress.Loopback;
                int port = 80;
                string Endpoint => $"{{|DS1012:ip|}}:{port}";
                string GetServerUrl() => $"http://{{|DS1012:ip|}}:{port}/";
                Options Build() => new Options { ServerAddress = $"{{|DS1012:ip|}}:{port}", ClientName = $"{ip}:{port}" };
                void M() => peerEndpoint = $"{{|DS1012:ip|}}:{port}";
                string Describe() => $"{ip}:{port}";
                System.Func<string> Later() => () => $"{ip}:{port}";
            }
            """, """
            using System.Net;
            class Options { public string ServerAddress { get; set; } = ""; public string ClientName { get; set; } = ""; }
            class C
            {
                string peerEndpoint = "";
                IPAddress ip = IPAddress.Loopback;
                int port = 80;
                string Endpoint => new IPEndPoint(ip, port).ToString();
                string GetServerUrl() => $"http://{{|DS1012:ip|}}:{port}/";
                Options Build() => new Options { ServerAddress = new IPEndPoint(ip, port).ToString(), ClientName = $"{ip}:{port}" };
                void M() => peerEndpoint = new IPEndPoint(ip, port).ToString();
                string Describe() => $"{ip}:{port}";
                System.Func<string> Later() => () => $"{ip}:{port}";
            }
            """);
    }

    [Fact]
    public async Task Url_local_assigned_in_several_branches_is_reported_at_each_composition()
    {
        await Verify.VerifyAsync("""
            using System;
            class Registration
            {
                Uri Advertised(bool secure, int port)
                {
                    string address;
                    if (secure)
                    {
                        address = $"https://{{|#1:GetCurrentIp()|}}:{port}";
                    }
                    else
                    {
                        address = $"http://{{|#2:GetCurrentIp()|}}:{port}";
                    }

                    return new Uri(address);
                }

                static string GetCurrentIp() => "10.0.0.1";
            }
            """,
            // The helper returns an IPv4 literal: the host is an IP by data flow, and new Uri parses it: Warning.
            Verify.Diagnostic("DS1012").WithLocation(1).WithSeverity(DiagnosticSeverity.Warning)
                .WithArguments("\"https://{GetCurrentIp()}:{port}\"", "the argument of new Uri"),
            Verify.Diagnostic("DS1012").WithLocation(2).WithSeverity(DiagnosticSeverity.Warning)
                .WithArguments("\"http://{GetCurrentIp()}:{port}\"", "the argument of new Uri"));
    }

    [Fact]
    public async Task Endpoint_named_member_over_an_ip_named_string_is_not_reported_as_both_are_only_names()
    {
        // An Instance-like DTO: "Ip:Port" computed from string properties, used as a dictionary key by its callers.
        // Neither the sink (a method named InetAddr) nor the host (a string named Ip) is more than a name.
        await Verify.VerifyAsync("""
            class Instance
            {
                public string Ip { get; set; } = "";
                public int Port { get; set; }
                public string ToInetAddr() => $"{Ip}:{Port}";
                public string ServerIpPort => $"{Ip}:{Port}";
            }
            """);
    }

    [Fact]
    public async Task Bracketed_hosts_uri_host_host_names_and_display_strings_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Net;
            class C
            {
                string name = "";
                IPAddress ip = IPAddress.Loopback;
                int port = 80;
                public override string ToString() => $"{ip}:{port}";
                void M(Uri uri, string hostName, Dictionary<string, int> peers)
                {
                    var a = new Uri($"http://[{ip}]:{port}/");
                    var b = new Uri($"http://{uri.Host}:{uri.Port}/");
                    var c = new Uri($"http://{hostName}:{port}/");
                    var d = new Uri($"http://{new IPEndPoint(ip, port)}/");
                    Console.WriteLine($"listening on {ip}:{port}");
                    peers[$"{ip}:{port}"] = 1;
                    name = $"{ip}:{port}";
                    var e = new Uri($"http://host/{ip}:{port}");
                }
            }
            """);
    }

    [Fact]
    public async Task Address_typed_host_going_straight_into_a_parser_is_a_warning_and_a_name_only_host_is_info()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net;
            class C
            {
                Uri Typed(IPAddress ip, int port) => new Uri($"http://{{|#0:ip|}}:{port}/");

                Uri Named(string serverIp, int port) => new Uri($"http://{{|#1:serverIp|}}:{port}/");

                string Stored(IPAddress ip, int port) => ServerUrl = $"http://{{|#2:ip|}}:{port}/";

                string ServerUrl { get; set; }
            }
            """,
            new DiagnosticResult("DS1012", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("\"http://{ip}:{port}/\"", "the argument of new Uri"),
            new DiagnosticResult("DS1012", DiagnosticSeverity.Info).WithLocation(1)
                .WithArguments("\"http://{serverIp}:{port}/\"", "the argument of new Uri"),
            new DiagnosticResult("DS1012", DiagnosticSeverity.Info).WithLocation(2)
                .WithArguments("\"http://{ip}:{port}/\"", "'ServerUrl'"));
    }

    [Fact]
    public async Task Host_proven_an_address_by_the_returns_of_a_helper_or_a_local_is_a_warning()
    {
        // Shape of a service-registration helper: the advertised URL's host comes from a helper that returns a NIC
        // address's text or an IPv4 fallback literal, so the host is an IP by data flow, not only by its name; a
        // helper that may return a host name (or a value the analyzer cannot see) leaves the name as the evidence.
        await Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Net;
            using System.Net.NetworkInformation;
            using System.Net.Sockets;
            static class Registration
            {
                public static List<Uri> Advertised(int port)
                {
                    var urls = new List<Uri> { new Uri($"http://{{|#0:LocalAddress()|}}:{port}") };
                    string self;
                    self = $"http://{{|#1:LocalAddress()|}}:{port}";
                    urls.Add(new Uri(self));
                    string ip;
                    if (port > 1024)
                    {
                        ip = LocalAddress();
                    }
                    else
                    {
                        ip = IPAddress.Loopback.ToString();
                    }

                    urls.Add(new Uri($"http://{{|#2:ip|}}:{port}"));
                    urls.Add(new Uri($"http://{{|#3:ConfiguredIp()|}}:{port}"));
                    return urls;
                }

                static string LocalAddress()
                {
                    var chosen = "127.0.0.1";
                    foreach (var unicast in NetworkInterface.GetAllNetworkInterfaces()[0].GetIPProperties().UnicastAddresses)
                    {
                        if (!IPAddress.IsLoopback(unicast.Address))
                        {
                            chosen = unicast.Address.ToString();
                            break;
                        }
                    }

                    return chosen;
                }

                static string ConfiguredIp() => Environment.GetEnvironmentVariable("POD_IP") ?? "127.0.0.1";
            }
            """,
            new DiagnosticResult("DS1012", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("\"http://{LocalAddress()}:{port}\"", "the argument of new Uri"),
            new DiagnosticResult("DS1012", DiagnosticSeverity.Warning).WithLocation(1)
                .WithArguments("\"http://{LocalAddress()}:{port}\"", "the argument of new Uri"),
            new DiagnosticResult("DS1012", DiagnosticSeverity.Warning).WithLocation(2)
                .WithArguments("\"http://{ip}:{port}\"", "the argument of new Uri"),
            new DiagnosticResult("DS1012", DiagnosticSeverity.Info).WithLocation(3)
                .WithArguments("\"http://{ConfiguredIp()}:{port}\"", "the argument of new Uri"));
    }

    [Fact]
    public async Task Host_from_a_helper_that_returns_a_host_name_is_silent()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net;
            static class Registration
            {
                public static Uri Advertised(int port) => new Uri($"http://{LocalHost()}:{port}");

                static string LocalHost()
                {
                    var name = Dns.GetHostName();
                    return name;
                }
            }
            """);
    }

    [Fact]
    public async Task Url_local_composed_in_branches_for_an_unresolved_GrpcChannel_is_reported()
    {
        await Verify.VerifyIncompleteAsync("""
            using System;
            class RemoteServerInfo
            {
                public string ServerIp { get; set; }
                public int ServerPort { get; set; }
            }
            class GrpcConnector
            {
                object Connect(RemoteServerInfo serverInfo, bool tls, int offset)
                {
                    var port = serverInfo.ServerPort + offset;
                    string address;
                    if (tls)
                    {
                        address = $"https://{{|#1:serverInfo.ServerIp|}}:{port}";
                    }
                    else
                    {
                        address = $"http://{{|#2:serverInfo.ServerIp|}}:{port}";
                    }

                    return GrpcChannel.ForAddress(address, new GrpcChannelOptions());
                }

                object Bracketed(RemoteServerInfo serverInfo) =>
                    GrpcChannel.ForAddress($"http://[{serverInfo.ServerIp}]:{serverInfo.ServerPort}");

                object NotAChannel(RemoteServerInfo serverInfo) =>
                    Metrics.ForAddress($"http://{serverInfo.ServerIp}:{serverInfo.ServerPort}");
            }
            """,
            new DiagnosticResult("DS1012", DiagnosticSeverity.Info).WithLocation(1)
                .WithArguments("\"https://{serverInfo.ServerIp}:{serverInfo.ServerPort + offset}\"", "the argument of GrpcChannel.ForAddress"),
            new DiagnosticResult("DS1012", DiagnosticSeverity.Info).WithLocation(2)
                .WithArguments("\"http://{serverInfo.ServerIp}:{serverInfo.ServerPort + offset}\"", "the argument of GrpcChannel.ForAddress"));
    }

    [Fact]
    public async Task Incomplete_code_does_not_throw()
    {
        await Verify.VerifyIncompleteAsync("""
            using System;
            using System.Net;
            class C
            {
                void M(IPAddress ip, int port)
                {
                    var a = new Uri($"http://{{|DS1012:ip|}}:{port}/")
                    var b = new Uri($"http://{{|DS1012:ip|}}:{
                    var c = new Uri($"http://{missing}:{port}" + );
                    Environment.SetEnvironmentVariable("X", string.Format("{0}:{1}", ip));
                }
            }
            """);
    }
}
