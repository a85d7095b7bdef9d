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
        "ip", "ipv4", "ips", "ipaddress", "ipaddr", "address", "addr", "host", "hostname", "server", "endpoint",
    };

    public static bool LooksLikeAddress(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return false;
        }

        foreach (var word in SplitWords(identifier!))
        {
            if (Words.Contains(word))
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
