using DualStack.Rules.Listening;

namespace DualStack.Rules.Tests.Listening;

/// <summary>Which variables, keys and options carry listen addresses, and who reads them.</summary>
public sealed class ListenVariablesTests
{
    [Theory]
    [InlineData("ASPNETCORE_URLS", ListenRuntime.AspNetCore)]
    [InlineData("aspnetcore_urls", ListenRuntime.AspNetCore)]
    [InlineData("DOTNET_URLS", ListenRuntime.AspNetCore)]
    [InlineData("URLS", ListenRuntime.AspNetCore)]
    [InlineData("Kestrel__Endpoints__Http__Url", ListenRuntime.AspNetCore)]
    [InlineData("Kestrel:Endpoints:Https:Url", ListenRuntime.AspNetCore)]
    [InlineData("HOST", ListenRuntime.Generic)]
    [InlineData("BIND_ADDRESS", ListenRuntime.Generic)]
    [InlineData("LISTEN_ADDR", ListenRuntime.Generic)]
    [InlineData("SERVER_HOST", ListenRuntime.Generic)]
    public void Listen_variables_name_their_runtime(string name, ListenRuntime runtime)
    {
        Assert.Equal(runtime, ListenVariables.RuntimeOf(name));
    }

    [Theory]
    [InlineData("DB_PASSWORD")]
    [InlineData("HOSTNAME")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("Kestrel__Endpoints__Http__Protocols")]
    [InlineData(null)]
    public void Other_variables_carry_no_listen_address(string? name)
    {
        Assert.Null(ListenVariables.RuntimeOf(name));
        Assert.Empty(ListenVariables.AddressesOf(name, "0.0.0.0"));
    }

    [Fact]
    public void A_url_variable_holds_a_list_and_an_address_variable_one_address()
    {
        Assert.Equal(["http://0.0.0.0:80", "http://[::]:80"], ListenVariables.AddressesOf("URLS", "http://0.0.0.0:80;http://[::]:80").Select(a => a.Text));
        var address = Assert.Single(ListenVariables.AddressesOf("BIND", "0.0.0.0:9000"));
        Assert.Equal(ListenRuntime.Generic, address.Runtime);
    }

    [Theory]
    [InlineData("urls", true)]
    [InlineData("URLS", true)]
    [InlineData("ASPNETCORE_URLS", true)]
    [InlineData("urls2", false)]
    public void Configuration_keys_for_the_url_list(string key, bool expected)
    {
        Assert.Equal(expected, ListenVariables.IsAspNetCoreUrlsKey(key));
    }

    [Theory]
    [InlineData("--urls", 6)]
    [InlineData("/urls", 5)]
    [InlineData("--URLS=http://0.0.0.0", 7)]
    [InlineData("/urls=x", 6)]
    [InlineData("--urlsx", -1)]
    [InlineData("urls", -1)]
    [InlineData("--url", -1)]
    public void The_urls_option_and_where_its_value_starts(string word, int start)
    {
        Assert.Equal(start, ListenVariables.UrlsOptionValueStart(word));
    }
}
