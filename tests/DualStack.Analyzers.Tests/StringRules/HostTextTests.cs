using DualStack.Analyzers.StringRules;

namespace DualStack.Analyzers.Tests.StringRules;

public sealed class HostTextTests
{
    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("2", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.5", false)]
    [InlineData("256.1.1.1", false)]
    [InlineData("0x7f.0.0.1", false)]
    [InlineData("1..2.3", false)]
    [InlineData("::ffff:1.2.3.4", false)]
    [InlineData("1.2.3.4 ", false)]
    [InlineData("", false)]
    public void Dotted_quads_are_strict(string text, bool expected) => Assert.Equal(expected, IPv4LiteralText.IsDottedQuad(text));

    [Theory]
    [InlineData("http://0.0.0.0:80", "0.0.0.0")]
    [InlineData(" https://*:443/ ; http://localhost:80", "*|localhost")]
    [InlineData("http://[::]:80;http://host", "[::]|host")]
    [InlineData("0.0.0.0:80", "")]
    [InlineData("http://", "")]
    public void Url_lists_yield_each_host(string text, string expected)
    {
        var hosts = HostText.UrlHosts(text).Select(h => text.Substring(h.Start, h.Length));
        Assert.Equal(expected, string.Join("|", hosts));
    }

    [Theory]
    [InlineData("192.0.2.10", true)]
    [InlineData("198.51.100.1", true)]
    [InlineData("203.0.113.255", true)]
    [InlineData("239.255.255.250", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("255.255.255.255", true)]
    public void Documentation_and_protocol_ranges_are_exempt(string address, bool exempt)
    {
        Assert.True(IPv4LiteralText.TryParse(address, 0, address.Length, out var parsed));
        Assert.Equal(exempt, IPv4LiteralText.IsExempt(parsed));
    }

    [Theory]
    [InlineData("IsValidIp", true)]
    [InlineData("IPv4AddressRegex", true)]
    [InlineData("hostAndPort", true)]
    [InlineData("ipAddress", true)]
    [InlineData("Description", false)]
    [InlineData("ZipCode", false)]
    [InlineData("Observer", false)]
    [InlineData("version", false)]
    public void Address_names_are_matched_by_whole_words(string name, bool expected) =>
        Assert.Equal(expected, AddressNames.LooksLikeAddress(name));
}
