using DualStack.Rules.Listening;

namespace DualStack.Rules.Tests.Listening;

/// <summary>Which IPv4-wildcard listens are IPv4-only, and the replacement offered per runtime.</summary>
public sealed class ListenWildcardsAndFixTests
{
    private static List<string> IPv4Only(string kestrelList) =>
        ListenWildcards.IPv4Only(ListenAddressParser.ParseUrlList(kestrelList)).Select(a => a.Text).ToList();

    [Theory]
    [InlineData("http://0.0.0.0:80;http://[::]:80")]
    [InlineData("http://0.0.0.0;http://*:80")]
    [InlineData("https://0.0.0.0:443;https://+")]
    [InlineData("http://[::]:8080")]
    public void A_listen_for_both_families_on_the_same_port_covers_the_IPv4_wildcard(string list)
    {
        Assert.Empty(IPv4Only(list));
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080;http://*:9090", "http://0.0.0.0:8080")]
    [InlineData("https://0.0.0.0:443;http://localhost:80", "https://0.0.0.0:443")]
    public void Other_ports_and_hosts_do_not_cover_it(string list, string reported)
    {
        Assert.Equal([reported], IPv4Only(list));
    }

    [Fact]
    public void Star_serves_both_families_only_for_Kestrel()
    {
        var generic = ListenCommandLine.Addresses(["--bind=0.0.0.0:80", "--bind=*:80"]).Select(l => l.Address);
        Assert.Single(ListenWildcards.IPv4Only(generic));
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://*:8080")]
    [InlineData("https://0.0.0.0", "https://*")]
    [InlineData("http://0.0.0.0:80/base", "http://*:80/base")]
    public void Kestrel_gets_the_any_host_which_keeps_an_IPv4_fallback(string url, string replacement)
    {
        var fix = Assert.Single(ListenAddressParser.ParseUrlList(url)).Fix();
        Assert.Equal("*", fix.Host);
        Assert.Equal(replacement, fix.Replacement);
        Assert.True(fix.KeepsIPv4Fallback);
        Assert.Contains("falls back to IPv4", fix.Explanation);
    }

    [Theory]
    [InlineData("0.0.0.0", "::", "::")]
    [InlineData("0.0.0.0:9000", "[::]", "[::]:9000")]
    [InlineData("http://0.0.0.0:80", "[::]", "http://[::]:80")]
    public void Other_programs_get_the_IPv6_wildcard_as_advice_only(string value, string host, string replacement)
    {
        var fix = ListenAddressParser.Parse(value, ListenRuntime.Generic)!.Fix();
        Assert.Equal(host, fix.Host);
        Assert.Equal(replacement, fix.Replacement);
        Assert.False(fix.KeepsIPv4Fallback);
    }
}
