using System.Text.RegularExpressions;

namespace DualStack.Rules.Listening;

/// <summary>
/// Which environment variables, configuration keys and command-line options carry listen addresses, and who reads them.
/// Keys compare case-insensitively, as ASP.NET Core configuration does.
/// </summary>
public static class ListenVariables
{
    /// <summary>
    /// The environment variables from which ASP.NET Core takes its listen URLs: <c>ASPNETCORE_URLS</c> (web host),
    /// <c>DOTNET_URLS</c> (generic host) and <c>URLS</c> (any configuration source, after the prefixes are stripped).
    /// </summary>
    public static IReadOnlyList<string> AspNetCoreUrlVariables { get; } = ["ASPNETCORE_URLS", "DOTNET_URLS", "URLS"];

    /// <summary>The configuration key Kestrel reads its URL list from (<c>UseSetting("urls", …)</c>, <c>configuration["urls"]</c>, appsettings).</summary>
    public const string UrlsKey = "urls";

    // Kestrel endpoints from configuration: Kestrel:Endpoints:Http:Url, and its environment form Kestrel__Endpoints__Http__Url.
    private static readonly Regex KestrelEndpointUrl =
        new(@"^Kestrel(__|:)Endpoints(__|:)[^_:]+(__|:)Url$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Variables whose whole value is an address: HOST, BIND_ADDRESS, LISTEN_ADDR, SERVER_HOST, …
    private static readonly Regex AddressVariable =
        new(@"(^|_)(HOST|BIND|LISTEN|ADDR|ADDRESS)(_|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary><c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c> or <c>URLS</c>.</summary>
    public static bool IsAspNetCoreUrlVariable(string? name) =>
        name is not null && AspNetCoreUrlVariables.Any(v => string.Equals(v, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A configuration key Kestrel reads a URL list from: <c>urls</c> or one of <see cref="AspNetCoreUrlVariables"/>.</summary>
    public static bool IsAspNetCoreUrlsKey(string? key) =>
        string.Equals(key, UrlsKey, StringComparison.OrdinalIgnoreCase) || IsAspNetCoreUrlVariable(key);

    /// <summary><c>Kestrel:Endpoints:NAME:Url</c> or <c>Kestrel__Endpoints__NAME__Url</c>.</summary>
    public static bool IsKestrelEndpointUrlKey(string? key) => key is not null && KestrelEndpointUrl.IsMatch(key);

    /// <summary>
    /// Who reads the value of environment variable <paramref name="name"/> as a listen address: Kestrel for its URL
    /// variables and endpoint keys (the value is a URL list); any program for address-like names (<c>HOST</c>,
    /// <c>BIND_ADDRESS</c>, <c>LISTEN_ADDR</c>: the whole value is one address); null for other variables.
    /// </summary>
    public static ListenRuntime? RuntimeOf(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (IsAspNetCoreUrlVariable(name) || IsKestrelEndpointUrlKey(name))
        {
            return ListenRuntime.AspNetCore;
        }

        return AddressVariable.IsMatch(name) ? ListenRuntime.Generic : null;
    }

    /// <summary>
    /// The listen addresses in the value of variable <paramref name="name"/>: every URL of a Kestrel list, or the one
    /// address of an address variable; empty for other variables.
    /// </summary>
    public static IReadOnlyList<ListenAddress> AddressesOf(string? name, string value) => RuntimeOf(name) switch
    {
        ListenRuntime.AspNetCore => ListenAddressParser.ParseUrlList(value),
        ListenRuntime.Generic when ListenAddressParser.Parse(value, ListenRuntime.Generic) is { } address => [address],
        _ => [],
    };

    /// <summary>
    /// The ASP.NET Core command-line option for the URL list: <c>--urls</c> or <c>/urls</c>, either followed by the
    /// value as the next argument or joined with <c>=</c>. Returns where the value starts in <paramref name="word"/>
    /// (its length when the value is the next argument), or -1 when <paramref name="word"/> is not that option.
    /// </summary>
    public static int UrlsOptionValueStart(string word)
    {
        var prefix = word.StartsWith("--", StringComparison.Ordinal) ? 2 : word.StartsWith("/", StringComparison.Ordinal) ? 1 : 0;
        if (prefix == 0 || string.Compare(word, prefix, UrlsKey, 0, UrlsKey.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return -1;
        }

        var after = prefix + UrlsKey.Length;
        return after == word.Length ? after : word[after] == '=' ? after + 1 : -1;
    }
}
