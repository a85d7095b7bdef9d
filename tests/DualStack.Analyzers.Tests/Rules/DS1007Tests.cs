using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Sockets;
using DualStack.CodeFixes.Rules;

namespace DualStack.Analyzers.Tests.Rules;

public sealed class DS1007Tests
{
    private static Task Analyze(string source, bool incomplete = false) =>
        SocketRuleTest.AnalyzeAsync<DS1007LoopbackComparisonAnalyzer>(source, incomplete: incomplete);

    private static Task Fix(string source, string fixedSource) =>
        SocketRuleTest.FixAsync<DS1007LoopbackComparisonAnalyzer, DS1007LoopbackComparisonFixer>(source, fixedSource);

    [Fact]
    public Task Equals_Loopback_is_fixed_to_IsLoopback() => Fix(
        """
        using System.Net;

        class Requests
        {
            bool IsLocal(IPAddress remote) => [|remote.Equals(IPAddress.Loopback)|];
            bool IsRemote(IPEndPoint endPoint) => ![|endPoint.Address.Equals(IPAddress.Loopback)|];
        }
        """,
        """
        using System.Net;

        class Requests
        {
            bool IsLocal(IPAddress remote) => IPAddress.IsLoopback(remote);
            bool IsRemote(IPEndPoint endPoint) => !IPAddress.IsLoopback(endPoint.Address);
        }
        """);

    [Fact]
    public Task Comparisons_that_accept_null_keep_a_null_check() => Fix(
        """
        using System.Net;

        class Requests
        {
            bool A(IPAddress remote) => [|remote == IPAddress.Loopback|];
            bool B(IPAddress remote) => [|IPAddress.Loopback != remote|];
            bool C(IPAddress remote) => [|IPAddress.Loopback.Equals(remote)|];
            bool D(IPAddress remote) => [|Equals(remote, IPAddress.Loopback)|] || remote is null;
        }
        """,
        """
        using System.Net;

        class Requests
        {
            bool A(IPAddress remote) => remote != null && IPAddress.IsLoopback(remote);
            bool B(IPAddress remote) => remote == null || !IPAddress.IsLoopback(remote);
            bool C(IPAddress remote) => remote != null && IPAddress.IsLoopback(remote);
            bool D(IPAddress remote) => remote != null && IPAddress.IsLoopback(remote) || remote is null;
        }
        """);

    [Fact]
    public Task Non_null_operands_get_the_plain_fix_and_Any_is_reported_without_one()
    {
        var source = """
            #nullable enable
            using System.Net;

            class Requests
            {
                bool A(IPAddress remote) => [|remote == IPAddress.Loopback|];
                bool B(IPEndPoint endPoint) => [|endPoint.Address.Equals(IPAddress.Any)|];
                bool C(IPEndPoint endPoint) => [|endPoint.Address == IPAddress.Any|];
                bool? D(IPAddress? remote) => [|remote?.Equals(IPAddress.Loopback)|];
            }
            """;
        var fixedSource = """
            #nullable enable
            using System.Net;

            class Requests
            {
                bool A(IPAddress remote) => IPAddress.IsLoopback(remote);
                bool B(IPEndPoint endPoint) => [|endPoint.Address.Equals(IPAddress.Any)|];
                bool C(IPEndPoint endPoint) => [|endPoint.Address == IPAddress.Any|];
                bool? D(IPAddress? remote) => [|remote?.Equals(IPAddress.Loopback)|];
            }
            """;
        return Fix(source, fixedSource);
    }

    [Fact]
    public Task Comparisons_with_the_IPv6_partner_are_silent() => Analyze(
        """
        using System.Net;

        class Requests
        {
            bool IsLocal(IPAddress remote) => remote.Equals(IPAddress.Loopback) || remote.Equals(IPAddress.IPv6Loopback);
            bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
            bool Helper(IPAddress remote) => IPAddress.IsLoopback(remote);

            int MaskToCidr(IPAddress mask)
            {
                if (mask.Equals(IPAddress.Any))
                {
                    return 0;
                }

                return mask.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
            }
        }
        """);

    [Fact]
    public Task Other_values_and_types_are_silent() => Analyze(
        """
        using System.Net;

        class Requests
        {
            bool Broadcast(IPAddress a) => a.Equals(IPAddress.Broadcast);
            bool Same(IPAddress a, IPAddress b) => a == b;
            bool Constants() => IPAddress.Loopback == IPAddress.Any;
            bool Text(string host) => host == "127.0.0.1";
            bool Boxed(object o) => o.Equals(IPAddress.Loopback);
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => Analyze(
        """
        using System.Net;

        class Requests
        {
            bool A(IPAddress a)
            {
                var b = [|a.Equals(IPAddress.Loopback)|]
                var c = a == IPAddress.
                var d = a.Equals(IPAddress.Loopback, ;
                return a ==
        """,
        incomplete: true);

    [Fact]
    public Task IPv4_loopback_upgraded_to_localhost_on_both_families_is_silent() => SocketRuleTest.AnalyzeAsync<DS1007LoopbackComparisonAnalyzer>(
        """
        using System.Collections.Generic;
        using System.Net;
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        class Startup
        {
            // A configured 127.0.0.1 endpoint becomes "localhost", which Kestrel binds on both loopbacks.
            void Configure(KestrelServerOptions options, IEnumerable<EndPoint> endPoints)
            {
                foreach (var endPoint in endPoints)
                {
                    if (endPoint is IPEndPoint ip && ip.Address.Equals(IPAddress.Loopback))
                    {
                        options.ListenLocalhost(ip.Port);
                    }
                    else
                    {
                        options.Listen(endPoint);
                    }
                }
            }

            string HostFor(IPAddress address) => address.Equals(IPAddress.Loopback) ? "localhost" : address.ToString();
        }
        """,
        kestrel: true);

    [Fact]
    public Task Loopback_comparison_whose_branch_stays_IPv4_is_still_reported() => Analyze(
        """
        using System.Net;

        class Access
        {
            bool IsTrusted(IPAddress remote)
            {
                if ([|remote.Equals(IPAddress.Loopback)|])
                {
                    return true;
                }

                return false;
            }
        }
        """);
}
