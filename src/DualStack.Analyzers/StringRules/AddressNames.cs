namespace DualStack.Analyzers.StringRules;

/// <summary>
/// Whether an identifier names an IP address or host (<c>IsValidIp</c>, <c>ipAddress</c>, <c>HostRegex</c>), by its
/// camel-case or underscore words: "ip" must be a whole word, so <c>Description</c> or <c>Zip</c> do not count.
/// Used only to confirm a pattern that is otherwise ambiguous (a dotted-quad check is also a version check).
/// </summary>
internal static class AddressNames
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "ip", "ipv4", "ips", "ipaddress", "ipaddr", "address", "addresses", "addr", "host", "hosts", "hostname",
        "server", "servers", "endpoint", "endpoints",
    };

    // Text that holds host:port is also called a URL or authority; those words do not make a dotted quad an address.
    private static readonly HashSet<string> EndpointWords = new(Words, StringComparer.OrdinalIgnoreCase)
    {
        "url", "urls", "uri", "authority",
    };

    public static bool LooksLikeAddress(string? identifier) => HasWord(identifier, Words);

    /// <summary>Like <see cref="LooksLikeAddress"/>, also accepting url, uri and authority (text that holds host:port).</summary>
    public static bool LooksLikeEndpoint(string? identifier) => HasWord(identifier, EndpointWords);

    /// <summary>Like <see cref="LooksLikeEndpoint"/>, also accepting the project's own words (an .editorconfig option).</summary>
    public static bool LooksLikeEndpoint(string? identifier, IReadOnlyCollection<string> extraWords) =>
        HasWord(identifier, EndpointWords) || (extraWords.Count > 0 && HasWord(identifier, new HashSet<string>(extraWords, StringComparer.OrdinalIgnoreCase)));

    /// <summary>The name says IP address (<c>ServerIp</c>, <c>ipAddress</c>, <c>GetCurrentIp</c>), not merely host.</summary>
    public static bool LooksLikeIp(string? identifier) =>
        HasWord(identifier, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ip", "ipv4", "ipv6", "ipaddress", "ipaddr" });

    /// <summary>The name is a URL or URI (whose first ':' ends the scheme).</summary>
    public static bool LooksLikeUrl(string? identifier) =>
        HasWord(identifier, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "url", "urls", "uri", "prefix" });

    /// <summary>Parses a comma- or space-separated word list from an option value.</summary>
    public static IReadOnlyCollection<string> ParseWords(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value!.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim()).ToArray();

    private static bool HasWord(string? identifier, HashSet<string> words)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return false;
        }

        // "IPv4Address" would split as "I|Pv4|Address"; spell the family prefix as one word first.
        var normalized = identifier!.Replace("IPv4", "Ipv4").Replace("IPv6", "Ipv6");
        foreach (var word in SplitWords(normalized))
        {
            if (words.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> SplitWords(string identifier)
    {
        var start = 0;
        for (var i = 1; i <= identifier.Length; i++)
        {
            var boundary = i == identifier.Length
                || identifier[i] == '_'
                || (char.IsUpper(identifier[i]) && char.IsLower(identifier[i - 1]))
                || (char.IsUpper(identifier[i]) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]) && char.IsUpper(identifier[i - 1]))
                || (char.IsDigit(identifier[i]) != char.IsDigit(identifier[i - 1]) && !(identifier[i - 1] is 'v' or 'V'));
            if (boundary)
            {
                if (i > start)
                {
                    yield return identifier.Substring(start, i - start).Trim('_');
                }

                start = identifier.Length > i && identifier[i] == '_' ? i + 1 : i;
            }
        }
    }
}
