using DualStack.Rules.Listening;

namespace DualStack.Rules.Tests.Listening;

/// <summary>Reading listen addresses: Kestrel URL lists and single values, with host spans and ports.</summary>
public sealed class ListenAddressParserTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080", "0.0.0.0", "8080", ListenHostKind.IPv4Wildcard)]
    [InlineData("http://0.0.0.0", "0.0.0.0", "80", ListenHostKind.IPv4Wildcard)]
    [InlineData("https://0.0.0.0/base", "0.0.0.0", "443", ListenHostKind.IPv4Wildcard)]
    [InlineData("http://[::]:80", "[::]", "80", ListenHostKind.IPv6Wildcard)]
    [InlineData("http://[0:0:0:0:0:0:0:0]:80", "[0:0:0:0:0:0:0:0]", "80", ListenHostKind.IPv6Wildcard)]
    [InlineData("http://*:5000", "*", "5000", ListenHostKind.AnyHost)]
    [InlineData("http://+:5000", "+", "5000", ListenHostKind.AnyHost)]
    [InlineData("grpc://0.0.0.0:9000", "0.0.0.0", "9000", ListenHostKind.IPv4Wildcard)]
    [InlineData("http://localhost:5000", "localhost", "5000", ListenHostKind.Other)]
    [InlineData("http://[::ffff:0.0.0.0]:80", "[::ffff:0.0.0.0]", "80", ListenHostKind.Other)]
    [InlineData("http://$(POD_IP):8080", "$(POD_IP)", "8080", ListenHostKind.Other)]
    public void A_url_has_its_host_port_and_kind(string url, string host, string port, ListenHostKind kind)
    {
        var address = Assert.Single(ListenAddressParser.ParseUrlList(url));
        Assert.Equal(host, address.Host);
        Assert.Equal(port, address.Port);
        Assert.Equal(kind, address.HostKind);
        Assert.True(address.IsUrl);
        Assert.Equal(ListenRuntime.AspNetCore, address.Runtime);
    }

    [Fact]
    public void A_url_list_is_split_on_semicolons_with_offsets_in_the_original_text()
    {
        const string text = " http://0.0.0.0:80 ; https://[::]:443;;ftp";
        var addresses = ListenAddressParser.ParseUrlList(text);
        Assert.Equal(["http://0.0.0.0:80", "https://[::]:443"], addresses.Select(a => a.Text));
        Assert.Equal(8, addresses[0].HostStart);
        Assert.Equal("0.0.0.0", text.Substring(addresses[0].HostStart, addresses[0].HostLength));
        Assert.Equal("[::]", text.Substring(addresses[1].HostStart, addresses[1].HostLength));
    }

    [Theory]
    [InlineData("0.0.0.0", "0.0.0.0", null, ListenHostKind.IPv4Wildcard)]
    [InlineData("0.0.0.0:9000", "0.0.0.0", "9000", ListenHostKind.IPv4Wildcard)]
    [InlineData("  0.0.0.0:9000 ", "0.0.0.0", "9000", ListenHostKind.IPv4Wildcard)]
    [InlineData("::", "::", null, ListenHostKind.IPv6Wildcard)]
    [InlineData("[::]:9000", "[::]", "9000", ListenHostKind.IPv6Wildcard)]
    [InlineData("0::0", "0::0", null, ListenHostKind.IPv6Wildcard)]
    [InlineData("::1", "::1", null, ListenHostKind.Other)]
    [InlineData(":8080", "", "8080", ListenHostKind.Other)]
    [InlineData("*", "*", null, ListenHostKind.AnyHost)]
    public void A_single_value_is_a_host_with_an_optional_port(string text, string host, string? port, ListenHostKind kind)
    {
        var address = ListenAddressParser.Parse(text, ListenRuntime.Generic);
        Assert.NotNull(address);
        Assert.Equal(host, address.Host);
        Assert.Equal(port, address.Port);
        Assert.Equal(kind, address.HostKind);
        Assert.False(address.IsUrl);
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("0.0.0.01")]
    [InlineData("0.0.0.0:http")]
    [InlineData("0.0.0.0:123456")]
    [InlineData("http://0.0.0.0:80x")]
    [InlineData("1http://0.0.0.0")]
    [InlineData("[::")]
    [InlineData("")]
    public void Look_alikes_are_not_the_IPv4_wildcard(string text)
    {
        Assert.False(ListenAddressParser.Parse(text, ListenRuntime.Generic)?.IsIPv4Wildcard ?? false);
    }

    [Fact]
    public void Kestrel_lists_skip_entries_without_a_scheme_which_Kestrel_refuses()
    {
        Assert.Empty(ListenAddressParser.ParseUrlList("0.0.0.0:80"));
    }
}
