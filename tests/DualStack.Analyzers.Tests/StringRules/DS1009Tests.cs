using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = DualStack.Analyzers.Tests.Verifiers.StringRuleVerifier<DualStack.Analyzers.StringRules.DS1009DS1011AddressResolutionAnalyzer>;

namespace DualStack.Analyzers.Tests.StringRules;

public sealed class DS1009Tests
{
    [Fact]
    public async Task IPv4_only_filters_over_dns_and_interface_results_are_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Linq;
            using System.Net;
            using System.Net.NetworkInformation;
            using System.Net.Sockets;
            class C
            {
                IPAddress Local(string host) =>
                    Dns.GetHostAddresses(host).First(a => {|DS1009:a.AddressFamily == AddressFamily.InterNetwork|});

                IPAddress? Advertised(NetworkInterface nic) =>
                    nic.GetIPProperties().UnicastAddresses
                        .Where(u => {|DS1009:u.Address.AddressFamily == AddressFamily.InterNetwork|})
                        .Select(u => u.Address).FirstOrDefault();

                IPAddress? Found(IPAddress[] all) => Array.Find(all, a => {|DS1009:AddressFamily.InterNetwork == a.AddressFamily|});

                IPAddress Loop(string host)
                {
                    foreach (var address in Dns.GetHostEntry(host).AddressList)
                    {
                        if ({|DS1009:address.AddressFamily == AddressFamily.InterNetwork|})
                        {
                            return address;
                        }
                    }

                    throw new InvalidOperationException("no IPv4 address");
                }

                string FirstNonLoopback(System.Collections.Generic.IEnumerable<UnicastIPAddressInformation> addresses)
                {
                    foreach (var info in addresses)
                    {
                        if (!IPAddress.IsLoopback(info.Address) && {|DS1009:info.Address.AddressFamily == AddressFamily.InterNetwork|})
                        {
                            return info.Address.ToString();
                        }
                    }

                    return "127.0.0.1";
                }

                IPAddress? Query(IPAddress[] all) =>
                    (from a in all where {|DS1009:a.AddressFamily == AddressFamily.InterNetwork|} select a).FirstOrDefault();
            }
            """);
    }

    [Fact]
    public async Task Unconditional_GetIPv4Properties_is_reported()
    {
        await Verify.VerifyAsync("""
            using System.Net.NetworkInformation;
            class C
            {
                int Index(NetworkInterface nic) => {|#0:nic.GetIPProperties().GetIPv4Properties()|}.Index;
            }
            """,
            // Only Windows throws (NetworkInformationException); Linux and macOS return properties, so the message
            // must not claim the call fails everywhere.
            new DiagnosticResult("DS1009", DiagnosticSeverity.Info).WithLocation(0)
                .WithArguments("'GetIPv4Properties()' is called unconditionally and, on Windows, throws for interfaces without IPv4"));
    }

    [Fact]
    public async Task Family_aware_code_fallbacks_and_guarded_calls_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Linq;
            using System.Net;
            using System.Net.NetworkInformation;
            using System.Net.Sockets;
            class C
            {
                IPAddress Preferred(IPAddress[] all) =>
                    all.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? all.First();

                IPAddress? Sibling(IPAddress[] all, bool v6)
                {
                    if (v6)
                    {
                        return all.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetworkV6);
                    }

                    return all.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
                }

                IPAddress? Configured(IPAddress[] all, AddressFamily family) => all.FirstOrDefault(a => a.AddressFamily == family);

                void Socket(IPEndPoint ep)
                {
                    if (ep.AddressFamily == AddressFamily.InterNetwork)
                    {
                        Console.WriteLine("v4");
                    }
                }

                void Branch(IPAddress[] all)
                {
                    foreach (var a in all)
                    {
                        if (a.AddressFamily == AddressFamily.InterNetwork)
                        {
                            Console.WriteLine("v4");
                        }
                        else
                        {
                            Console.WriteLine("other");
                        }
                    }
                }

                int? Guarded(NetworkInterface nic) =>
                    nic.Supports(NetworkInterfaceComponent.IPv4) ? nic.GetIPProperties().GetIPv4Properties().Index : null;

                int Caught(NetworkInterface nic)
                {
                    try
                    {
                        return nic.GetIPProperties().GetIPv4Properties().Index;
                    }
                    catch (NetworkInformationException)
                    {
                        return -1;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Selection_whose_address_reaches_a_url_parser_through_the_method_result_warns()
    {
        // Shape of a registration helper: the NIC loop keeps the first IPv4 address's text (or the IPv4 loopback) and
        // the caller composes it into the advertised Uri; a DNS answer picked by Find and returned as text reaches a
        // DnsEndPoint the same way. The same loop whose result is only logged stays Info.
        await Verify.VerifyAsync("""
            using System;
            using System.Linq;
            using System.Net;
            using System.Net.NetworkInformation;
            using System.Net.Sockets;
            static class Advertising
            {
                public static Uri SelfUri(int port) => new Uri($"http://{PickAddress()}:{port}");

                public static DnsEndPoint Peer(string name, int port) => new DnsEndPoint(FirstV4(name)!, port);

                public static void Describe() => Console.WriteLine(LoggedAddress());

                static string PickAddress()
                {
                    var picked = "127.0.0.1";
                    foreach (var unicast in NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses))
                    {
                        if (!IPAddress.IsLoopback(unicast.Address) && {|#0:unicast.Address.AddressFamily == AddressFamily.InterNetwork|})
                        {
                            picked = unicast.Address.ToString();
                            break;
                        }
                    }

                    return picked;
                }

                static string? FirstV4(string name) =>
                    Array.Find(Dns.GetHostAddresses(name), a => {|#1:a.AddressFamily == AddressFamily.InterNetwork|})?.ToString();

                static string LoggedAddress()
                {
                    foreach (var unicast in NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses))
                    {
                        if ({|#2:unicast.Address.AddressFamily == AddressFamily.InterNetwork|})
                        {
                            return unicast.Address.ToString();
                        }
                    }

                    return "none";
                }
            }
            """,
            new DiagnosticResult("DS1009", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("The loop keeps IPv4 addresses only (the address it selects reaches new Uri in 'Advertising.SelfUri' through the result of 'PickAddress')"),
            new DiagnosticResult("DS1009", DiagnosticSeverity.Warning).WithLocation(1)
                .WithArguments("'Find' keeps IPv4 addresses only (the address it selects reaches new DnsEndPoint in 'Advertising.Peer' through the result of 'FirstV4')"),
            new DiagnosticResult("DS1009", DiagnosticSeverity.Info).WithLocation(2)
                .WithArguments("The loop keeps IPv4 addresses only"));
    }

    [Fact]
    public async Task Array_Find_with_conditional_access_a_predicate_helper_and_a_try_around_the_interface_loop_are_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net;
            using System.Net.NetworkInformation;
            using System.Net.Sockets;
            class Resolver
            {
                public string? ResolveHostAddress(string hostName)
                {
                    try
                    {
                        IPAddress[] hostAddresses = Dns.GetHostAddresses(hostName);
                        return Array.Find(hostAddresses, ip => {|DS1009:ip.AddressFamily == AddressFamily.InterNetwork|})?.ToString();
                    }
                    catch (Exception)
                    {
                        return null;
                    }
                }

                IPAddress? FindFirstNonLoopbackAddress()
                {
                    IPAddress? result = null;
                    try
                    {
                        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
                        {
                            var properties = nic.GetIPProperties();
                            var ipv4 = {|DS1009:properties.GetIPv4Properties()|};
                            foreach (var info in properties.UnicastAddresses)
                            {
                                var address = info.Address;
                                if ({|DS1009:IsInet4Address(address)|} && !IPAddress.IsLoopback(address))
                                {
                                    result = address;
                                }
                            }
                        }
                    }
                    catch (NetworkInformationException)
                    {
                        return null;
                    }

                    return result;
                }

                private static bool IsInet4Address(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork;
            }
            """);
    }

    [Fact]
    public async Task Per_interface_try_a_helper_beside_its_IPv6_twin_and_a_helper_used_outside_a_filter_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Net;
            using System.Net.NetworkInformation;
            using System.Net.Sockets;
            class Resolver
            {
                IEnumerable<int> Indexes()
                {
                    foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
                    {
                        int index;
                        try
                        {
                            index = nic.GetIPProperties().GetIPv4Properties().Index;
                        }
                        catch (NetworkInformationException)
                        {
                            continue;
                        }

                        yield return index;
                    }
                }

                IPAddress? Pick(IPAddress[] all)
                {
                    foreach (var address in all)
                    {
                        if (IsInet4Address(address) || IsInet6Address(address))
                        {
                            return address;
                        }
                    }

                    return null;
                }

                string Describe(IPAddress address) => IsInet4Address(address) ? "v4" : "other";

                private static bool IsInet4Address(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork;

                private static bool IsInet6Address(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6;
            }
            """);
    }

    [Fact]
    public async Task Predicate_excluding_IPv6_is_an_IPv4_filter_and_is_reported_unless_a_fallback_follows()
    {
        await Verify.VerifyAsync("""
            using System.Linq;
            using System.Net;
            using System.Net.Sockets;
            class Placeholders
            {
                string? RemoteIpAddress(IPAddress? remote)
                {
                    var ip = remote
                        ?? Dns.GetHostAddresses(string.Empty).FirstOrDefault(a => {|DS1009:a.AddressFamily != AddressFamily.InterNetworkV6|});
                    return ip?.ToString();
                }

                IPAddress? WithFallback(IPAddress[] all) =>
                    all.FirstOrDefault(a => a.AddressFamily != AddressFamily.InterNetworkV6) ?? all.FirstOrDefault();

                // The IPv4 answer's text, else the name itself (resolved later for every family): a fallback.
                string TextOrName(string name) =>
                    System.Array.Find(Dns.GetHostAddresses(name), a => a.AddressFamily == AddressFamily.InterNetwork)?.ToString() ?? name;

                string Describe(IPAddress a) => a.AddressFamily != AddressFamily.InterNetworkV6 ? a.ToString() : "[" + a + "]";
            }
            """);
    }

    [Fact]
    public async Task Incomplete_code_does_not_throw()
    {
        await Verify.VerifyIncompleteAsync("""
            using System.Linq;
            using System.Net;
            using System.Net.Sockets;
            class C
            {
                IPAddress Local(string host) =>
                    Dns.GetHostAddresses(host).First(a => {|DS1009:a.AddressFamily == AddressFamily.InterNetwork|})
                IPAddress Other(Unknown[] all) => all.First(a => a.AddressFamily == AddressFamily.InterNetwork);
                IPAddress Partial(IPAddress[] all) => all.First(a => a.AddressFamily == );
                void M(System.Net.NetworkInformation.NetworkInterface nic) { {|DS1009:nic.GetIPProperties().GetIPv4Properties( |}}
            }
            """);
    }
}
