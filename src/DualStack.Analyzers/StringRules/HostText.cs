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
/// Where hosts sit in network text, shared by the C# string rules and the settings-file check: hosts of URL lists
/// (Kestrel and launchSettings accept several URLs separated by ';') and the host of <c>host:port</c>. Whether a
/// host is an IPv4 address is the shared IP library's call (<see cref="IPv4LiteralText"/>).
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
