using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Verify = DualStack.Analyzers.Tests.Verifiers.StringRuleVerifier<DualStack.Analyzers.StringRules.DS1013HostPortSplitAnalyzer>;

namespace DualStack.Analyzers.Tests.StringRules;

public sealed class DS1013Tests
{
    [Fact]
    public async Task Endpoint_named_text_split_on_the_first_colon_is_reported()
    {
        await Verify.VerifyAsync("""
            class C
            {
                string ServerAddress { get; set; } = "";
                void M(string hostAndPort, string endpoint)
                {
                    var parts = {|DS1013:hostAndPort.Split(':')|};
                    var host = {|DS1013:endpoint.Split(new[] { ':' })|}[0];
                    var i = {|DS1013:ServerAddress.IndexOf(':')|};
                    var name = ServerAddress.Substring(0, i);
                }
            }
            """);
    }

    [Fact]
    public async Task Pieces_used_as_host_and_port_are_reported_whatever_the_name()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            using System.Net.Sockets;
            class C
            {
                void M(string value, string other, string third, TcpClient client)
                {
                    var parts = {|DS1013:value.Split(':')|};
                    client.Connect(parts[0], int.Parse(parts[1]));

                    var p = {|DS1013:other.Split(":")|};
                    var address = IPAddress.Parse(p[0]);

                    var q = {|DS1013:third.Split(':', 2)|};
                    var name = q[0];
                    var port = ushort.Parse(q[1]);
                }
            }
            """);
    }

    [Fact]
    public async Task Names_are_seen_through_string_calls_and_host_assignments()
    {
        await Verify.VerifyAsync("""
            using System;
            class Info { public string ServerIp { get; set; } = ""; public int Port { get; set; } }
            class C
            {
                Info Resolve(string serverAddress, string item, string value)
                {
                    var arr = {|DS1013:serverAddress.TrimEnd('/').Split(':')|};
                    var ipPort = {|DS1013:item.Trim().Split(':')|};
                    var info = new Info();
                    var parts = {|DS1013:value.Split(':')|};
                    info.ServerIp = parts[0];
                    var ip = ipPort[0].Trim();
                    return info;
                }
            }
            """);
    }

    [Fact]
    public async Task Pieces_that_provably_reach_a_parser_warn_and_pieces_only_stored_stay_info()
    {
        // Shape of a naming-service client: the configured "host:port" (or "http://host:port") is split into a server
        // info whose host another class composes into the gRPC address; a piece resolved by DNS right here is proven
        // too. The same split into a property nothing parses is evidence by name and port parse only: Info.
        var source = """
            using System;
            using System.Net;
            using Grpc.Net.Client;

            class ServerInfo
            {
                public string Host { get; set; } = "";
                public int Port { get; set; }
                public string Label { get; set; } = "";
            }

            class ServerResolver
            {
                internal ServerInfo Resolve(string serverAddress)
                {
                    var info = new ServerInfo();
                    if (serverAddress.StartsWith("http", StringComparison.Ordinal))
                    {
                        var withScheme = {|#0:serverAddress.TrimEnd('/').Split(':')|};
                        info.Host = withScheme[1].Replace("//", "");
                        info.Port = Convert.ToInt32(withScheme[2]);
                    }
                    else
                    {
                        var plain = {|#1:serverAddress.Split(':')|};
                        info.Host = plain[0];
                        info.Port = Convert.ToInt32(plain[1]);
                    }

                    return info;
                }

                internal IPAddress[] Lookup(string endpoint)
                {
                    var pieces = {|#2:endpoint.Split(':')|};
                    return Dns.GetHostAddresses(pieces[0].Trim());
                }

                internal ServerInfo Describe(string serverAddress)
                {
                    var parts = {|#3:serverAddress.Split(':')|};
                    return new ServerInfo { Label = parts[0], Port = int.Parse(parts[1]) };
                }
            }

            class ChannelFactory
            {
                GrpcChannel Open(ServerInfo server, bool tls)
                {
                    string address;
                    if (tls)
                    {
                        address = $"https://{server.Host}:{server.Port}";
                    }
                    else
                    {
                        address = $"http://{server.Host}:{server.Port}";
                    }

                    return GrpcChannel.ForAddress(address);
                }
            }
            """;
        const string Grpc = "GrpcChannel.ForAddress in 'ChannelFactory.Open' through 'ServerInfo.Host'";
        await Verify.VerifyAsync(
            source,
            new DiagnosticResult("DS1013", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("'serverAddress.TrimEnd('/').Split(':')', whose host reaches " + Grpc + ","),
            new DiagnosticResult("DS1013", DiagnosticSeverity.Warning).WithLocation(1)
                .WithArguments("'serverAddress.Split(':')', whose host reaches " + Grpc + ","),
            new DiagnosticResult("DS1013", DiagnosticSeverity.Warning).WithLocation(2)
                .WithArguments("'endpoint.Split(':')', whose host reaches Dns.GetHostAddresses,"),
            new DiagnosticResult("DS1013", DiagnosticSeverity.Info).WithLocation(3)
                .WithArguments("'serverAddress.Split(':')'"));
    }

    [Fact]
    public async Task First_piece_passed_to_a_host_parameter_of_any_constructor_in_a_lambda_is_reported()
    {
        await Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            public sealed class ResolvedTarget
            {
                public ResolvedTarget(string host, int? port = null) { }
            }
            static class DiscoveryConfig
            {
                public static ResolvedTarget[] Parse(IEnumerable<string> configured) =>
                    configured.Select(e =>
                    {
                        var values = {|DS1013:e.Split(':')|};
                        return new ResolvedTarget(values[0], int.TryParse(values.Skip(1).FirstOrDefault(), out var i) ? i : null);
                    }).ToArray();
            }
            """);
    }

    [Fact]
    public async Task Payload_pieces_glued_into_other_text_or_passed_as_credentials_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System.Text;
            public sealed class Payload
            {
                public Payload(string data, int n) { }
            }
            public sealed class Credential
            {
                public Credential(string user, string password) { }
            }
            class Serializer
            {
                object FromBinary(byte[] bytes)
                {
                    var parts = Encoding.UTF8.GetString(bytes).Split(':');
                    return new Payload(parts[0] + ".", int.Parse(parts[1]));
                }

                Credential FromUserInfo(string userInfo)
                {
                    var pieces = userInfo.Split(':');
                    return new Credential(pieces[0], pieces[1]);
                }
            }
            """);
    }

    [Fact]
    public async Task Scheme_lookups_and_port_presence_tests_are_not_reported()
    {
        await Verify.VerifyAsync("""
            class C
            {
                string M(string uriPrefix, string host)
                {
                    var hostStart = uriPrefix.IndexOf(':') + 3;
                    if (host.IndexOf(':') == -1)
                    {
                        host = host + ":80";
                    }

                    var schemeEnd = uriPrefix.IndexOf(':');
                    return uriPrefix.Substring(0, schemeEnd);
                }
            }
            """);
    }

    [Fact]
    public async Task Credentials_config_keys_times_and_ipv6_aware_parsers_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net;
            class C
            {
                void M(Uri uri, string key, string time, string hostPort)
                {
                    var credentials = uri.UserInfo.Split(':');
                    var user = credentials[0];
                    var section = key.Split(':')[0];
                    var hm = time.Split(':');
                    var hours = int.Parse(hm[0]);
                    var minutes = int.Parse(hm[1]);
                    var names = "a:b".Split(',');
                }

                void Aware(string hostPort)
                {
                    if (hostPort.StartsWith("["))
                    {
                        return;
                    }

                    var parts = hostPort.Split(':');
                }

                void Words(string observerName, string hostname)
                {
                    var x = observerName.Split(':');
                    var y = hostname.Length;
                }

                void LastColon(string endpoint)
                {
                    var i = endpoint.LastIndexOf(':');
                    var first = endpoint.IndexOf(':');
                }
            }
            """);
    }

    [Fact]
    public async Task Endpoint_words_option_adds_the_project_vocabulary()
    {
        var test = new CSharpAnalyzerTest<DualStack.Analyzers.StringRules.DS1013HostPortSplitAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = """
                class C
                {
                    void M(string brokerList, string seedNode, string other)
                    {
                        var a = {|DS1013:brokerList.Split(':')|};
                        var b = {|DS1013:seedNode.Split(':')|};
                        var c = other.Split(':');
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.DS1013.endpoint_words = broker, seed
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Incomplete_code_does_not_throw()
    {
        await Verify.VerifyIncompleteAsync("""
            class C
            {
                void M(string host, string value)
                {
                    var parts = {|DS1013:host.Split(':')|}
                    var q = value.Split(':')[
                    var r = value.Split(Missing.Colon)[0];
                    var s = unknown.Split(':');
                }
            }
            """);
    }

    [Fact]
    public async Task Server_list_split_in_a_member_that_logs_bracketed_tags_is_reported()
    {
        // A log message that starts with "[tag]" is no bracket handling of an IPv6 host.
        await Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            class ServerList
            {
                public List<string> Parse(IEnumerable<string> lines)
                {
                    var result = new List<string>();
                    foreach (var item in lines)
                    {
                        var ipPort = {|DS1013:item.Trim().Split(':')|};
                        var ip = ipPort[0].Trim();
                        result.Add(ipPort.Length == 1 ? $"{ip}:8848" : item);
                    }

                    Console.WriteLine("[init-serverlist] loaded " + result.Count);
                    return result;
                }
            }
            """);
    }
}
