using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Sockets;
using DualStack.CodeFixes.Rules;

namespace DualStack.Analyzers.Tests.Rules;

public sealed class DS1005Tests
{
    private static Task Analyze(string source, bool incomplete = false) =>
        SocketRuleTest.AnalyzeAsync<DS1005UnguardedMapToIPv4Analyzer>(source, incomplete: incomplete);

    private static Task Fix(string source, string fixedSource) =>
        SocketRuleTest.FixAsync<DS1005UnguardedMapToIPv4Analyzer, DS1005UnguardedMapToIPv4Fixer>(source, fixedSource);

    [Fact]
    public Task Unguarded_calls_on_locals_parameters_and_properties_are_guarded() => Fix(
        """
        using System.Net;

        class Peers
        {
            private IPAddress _last;

            IPAddress Normalize(IPAddress remote)
            {
                var v4 = [|remote.MapToIPv4()|];
                return v4;
            }

            string Key(IPEndPoint endPoint) => [|endPoint.Address.MapToIPv4()|].ToString();

            bool Same(IPAddress other) => [|this._last.MapToIPv4()|].Equals(other);
        }
        """,
        """
        using System.Net;

        class Peers
        {
            private IPAddress _last;

            IPAddress Normalize(IPAddress remote)
            {
                var v4 = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
                return v4;
            }

            string Key(IPEndPoint endPoint) => (endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address).ToString();

            bool Same(IPAddress other) => (this._last.IsIPv4MappedToIPv6 ? this._last.MapToIPv4() : this._last).Equals(other);
        }
        """);

    [Fact]
    public Task Receivers_with_side_effects_are_reported_without_a_fix()
    {
        var source = """
            using System.Net;

            class Peers
            {
                IPAddress Next() => IPAddress.IPv6Loopback;
                IPAddress FromCall() => [|Next().MapToIPv4()|];
                string FromNullable(IPEndPoint endPoint) => endPoint?.Address?[|.MapToIPv4()|].ToString();
                IPAddress FromArray(IPAddress[] all, int i) => [|all[i].MapToIPv4()|];
            }
            """;
        return Fix(source, source);
    }

    [Fact]
    public Task Guarded_calls_are_silent() => Analyze(
        """
        using System.Net;

        class Peers
        {
            IPAddress Ternary(IPAddress a) => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;

            IPAddress EarlyReturn(IPAddress a)
            {
                if (!a.IsIPv4MappedToIPv6)
                {
                    return a;
                }

                return a.MapToIPv4();
            }

            bool InCondition(IPAddress a) => a.IsIPv4MappedToIPv6 && a.MapToIPv4().Equals(IPAddress.Loopback);
        }
        """);

    [Fact]
    public Task IPv4_receivers_and_look_alike_methods_are_silent() => Analyze(
        """
        using System.Net;

        class Peers
        {
            IPAddress Loopback() => IPAddress.Loopback.MapToIPv4();
            IPAddress RoundTrip(IPAddress a) => a.MapToIPv6().MapToIPv4();
            Fake Other(Fake f) => f.MapToIPv4();
        }

        class Fake
        {
            public Fake MapToIPv4() => this;
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => Analyze(
        """
        using System.Net;

        class Peers
        {
            IPAddress A(IPAddress a)
            {
                var b = [|a.MapToIPv4()|]
                var c = [|a.MapToIPv4(|];
                var d = missing.MapToIPv4();
                return a.MapToIPv4
        """,
        incomplete: true);
}
