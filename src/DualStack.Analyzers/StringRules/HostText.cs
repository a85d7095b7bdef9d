namespace DualStack.Analyzers.StringRules;

/// <summary>A host found in text: where it starts, how long it is, and the URL (or host:port) it belongs to.</summary>
internal readonly struct HostMatch
{
    public HostMatch(int start, int length, int urlStart, int urlLength)
    {
        Start = start;
        Length = length;
        UrlStart = urlStart;
        UrlLength = urlLength;
    }

    public int Start { get; }

    public int Length { get; }

    public int UrlStart { get; }

    public int UrlLength { get; }
}

/// <summary>
/// Text-level helpers shared by the C# string rules and the settings-file check: hosts of URL lists
/// (Kestrel and launchSettings accept several URLs separated by ';'), strict dotted quads, and the IPv4 ranges
/// that are documentation or protocol-mandated rather than real deployment addresses.
/// </summary>
internal static class HostText
{
    /// <summary>The hosts of every <c>scheme://host[:port][/path]</c> URL in a ';'-separated list.</summary>
    public static IEnumerable<HostMatch> UrlHosts(string text)
    {
        var segmentStart = 0;
        while (segmentStart <= text.Length)
        {
            var end = text.IndexOf(';', segmentStart);
            if (end < 0)
            {
                end = text.Length;
            }

            var urlStart = segmentStart;
            while (urlStart < end && char.IsWhiteSpace(text[urlStart]))
            {
                urlStart++;
            }

            var urlEnd = end;
            while (urlEnd > urlStart && char.IsWhiteSpace(text[urlEnd - 1]))
            {
                urlEnd--;
            }

            var scheme = text.IndexOf("://", urlStart, urlEnd - urlStart, StringComparison.Ordinal);
            if (scheme > urlStart)
            {
                var hostStart = scheme + 3;
                var hostEnd = HostEnd(text, hostStart, urlEnd);
                if (hostEnd > hostStart)
                {
                    yield return new HostMatch(hostStart, hostEnd - hostStart, urlStart, urlEnd - urlStart);
                }
            }

            segmentStart = end + 1;
        }
    }

    /// <summary>
    /// The IPv4 literal a network string names: the whole text, the host of <c>host:port</c>, or the host of each URL.
    /// </summary>
    public static IEnumerable<HostMatch> CandidateHosts(string text)
    {
        if (text.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            foreach (var match in UrlHosts(text))
            {
                yield return match;
            }

            yield break;
        }

        var colon = text.IndexOf(':');
        if (colon >= 0 && colon == text.LastIndexOf(':'))
        {
            yield return new HostMatch(0, colon, 0, text.Length);
        }
        else if (colon < 0)
        {
            yield return new HostMatch(0, text.Length, 0, text.Length);
        }
    }

    /// <summary>Exactly four dot-separated decimal parts of 1–3 digits, each at most 255 (not "2", not hex, not OIDs).</summary>
    public static bool IsDottedQuad(string text, int start, int length)
    {
        var parts = 0;
        var digits = 0;
        var value = 0;
        for (var i = start; i <= start + length; i++)
        {
            if (i == start + length || text[i] == '.')
            {
                if (digits == 0 || value > 255)
                {
                    return false;
                }

                parts++;
                digits = 0;
                value = 0;
            }
            else if (text[i] >= '0' && text[i] <= '9' && digits < 3)
            {
                value = (value * 10) + (text[i] - '0');
                digits++;
            }
            else
            {
                return false;
            }
        }

        return parts == 4;
    }

    public static bool IsDottedQuad(string text) => IsDottedQuad(text, 0, text.Length);

    /// <summary>127.0.0.0/8, the IPv4 loopback network, for a strict dotted quad.</summary>
    public static bool IsIPv4Loopback(string dottedQuad) =>
        int.Parse(dottedQuad.Substring(0, dottedQuad.IndexOf('.')), System.Globalization.CultureInfo.InvariantCulture) == 127;

    /// <summary>
    /// RFC 5737 documentation networks (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), the limited broadcast
    /// address and 224.0.0.0/4 multicast: examples, or IPv4 by protocol (SSDP, mDNS, broadcast discovery).
    /// </summary>
    public static bool IsExemptIPv4(string dottedQuad)
    {
        var parts = dottedQuad.Split('.');
        if (parts.Length != 4)
        {
            return true;
        }

        var a = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var b = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var c = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        return (a == 192 && b == 0 && c == 2)
            || (a == 198 && b == 51 && c == 100)
            || (a == 203 && b == 0 && c == 113)
            || dottedQuad == "255.255.255.255"
            || (a >= 224 && a <= 239);
    }

    private static int HostEnd(string text, int hostStart, int urlEnd)
    {
        if (hostStart < urlEnd && text[hostStart] == '[')
        {
            var close = text.IndexOf(']', hostStart, urlEnd - hostStart);
            return close < 0 ? urlEnd : close + 1;
        }

        var i = hostStart;
        while (i < urlEnd && text[i] != ':' && text[i] != '/' && text[i] != '?' && text[i] != '#')
        {
            i++;
        }

        return i;
    }
}
