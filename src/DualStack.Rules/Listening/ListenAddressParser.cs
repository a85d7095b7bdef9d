namespace DualStack.Rules.Listening;

/// <summary>
/// Reads listen addresses from text: Kestrel's <c>;</c>-separated URL lists and single values
/// (<c>0.0.0.0</c>, <c>0.0.0.0:8080</c>, <c>[::]:80</c>, <c>::</c>, <c>http://0.0.0.0:80/</c>).
/// Anything else (a CIDR such as <c>0.0.0.0/0</c>, <c>0.0.0.01</c>, a word) is not an address and yields nothing.
/// </summary>
public static class ListenAddressParser
{
    /// <summary>
    /// The URLs of a Kestrel list (<c>http://0.0.0.0:80;https://*:443</c>). Entries without a scheme are skipped:
    /// Kestrel refuses them, so they listen nowhere.
    /// </summary>
    public static IReadOnlyList<ListenAddress> ParseUrlList(string text, ListenRuntime runtime = ListenRuntime.AspNetCore) =>
        ParseList(text, 0, text.Length, runtime, urlsOnly: true);

    /// <summary>The <c>;</c>-separated addresses in <paramref name="text"/> between <paramref name="start"/> and <paramref name="start"/> + <paramref name="length"/>.</summary>
    internal static IReadOnlyList<ListenAddress> ParseList(string text, int start, int length, ListenRuntime runtime, bool urlsOnly)
    {
        var found = new List<ListenAddress>();
        var end = start + length;
        var segment = start;
        while (segment <= end)
        {
            var stop = text.IndexOf(';', segment, end - segment);
            if (stop < 0)
            {
                stop = end;
            }

            if (Parse(text, segment, stop - segment, runtime) is { } address && (address.IsUrl || !urlsOnly))
            {
                found.Add(address);
            }

            segment = stop + 1;
        }

        return found;
    }

    /// <summary>One address: the whole (trimmed) text is a URL, <c>host:port</c>, <c>[v6]:port</c>, or a bare host.</summary>
    public static ListenAddress? Parse(string text, ListenRuntime runtime) => Parse(text, 0, text.Length, runtime);

    /// <summary>One address in <paramref name="text"/> between <paramref name="start"/> and <paramref name="start"/> + <paramref name="length"/>.</summary>
    public static ListenAddress? Parse(string text, int start, int length, ListenRuntime runtime)
    {
        var end = start + length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end == start)
        {
            return null;
        }

        var scheme = text.IndexOf("://", start, end - start, StringComparison.Ordinal);
        return scheme >= 0 ? ParseUrl(text, start, end, scheme, runtime) : ParseHostPort(text, start, end, runtime);
    }

    // scheme://host[:port][/path]
    private static ListenAddress? ParseUrl(string text, int start, int end, int schemeEnd, ListenRuntime runtime)
    {
        if (!IsScheme(text, start, schemeEnd))
        {
            return null;
        }

        var hostStart = schemeEnd + 3;
        var hostEnd = HostEnd(text, hostStart, end);
        if (hostEnd < 0)
        {
            return null;
        }

        var i = hostEnd;
        string? port = null;
        if (i < end && text[i] == ':')
        {
            port = Digits(text, i + 1, end, out i);
            if (port is null)
            {
                return null;
            }
        }

        if (i < end && text[i] != '/')
        {
            return null;
        }

        port ??= DefaultPort(text.Substring(start, schemeEnd - start));
        return new ListenAddress(text, start, end - start, hostStart, hostEnd - hostStart, port, isUrl: true, runtime);
    }

    // host, host:port, [v6], [v6]:port, or a bare IPv6 address (several colons, no port).
    private static ListenAddress? ParseHostPort(string text, int start, int end, ListenRuntime runtime)
    {
        var firstColon = text.IndexOf(':', start, end - start);
        var bareIPv6 = text[start] != '[' && firstColon >= 0 && text.IndexOf(':', firstColon + 1, end - firstColon - 1) >= 0;
        if (bareIPv6)
        {
            return new ListenAddress(text, start, end - start, start, end - start, null, isUrl: false, runtime);
        }

        var hostEnd = HostEnd(text, start, end);
        if (hostEnd < 0 || (hostEnd < end && text[hostEnd] != ':'))
        {
            return null;
        }

        string? port = null;
        if (hostEnd < end)
        {
            port = Digits(text, hostEnd + 1, end, out var after);
            if (port is null || after != end)
            {
                return null;
            }
        }

        return new ListenAddress(text, start, end - start, start, hostEnd - start, port, isUrl: false, runtime);
    }

    // The end of a host: after "]" for a bracketed IPv6 literal; else the first ':' or '/' (or the end). -1 when malformed.
    private static int HostEnd(string text, int start, int end)
    {
        if (start < end && text[start] == '[')
        {
            var close = text.IndexOf(']', start, end - start);
            return close < 0 ? -1 : close + 1;
        }

        var i = start;
        while (i < end && text[i] != '/' && text[i] != ':')
        {
            i++;
        }

        return i;
    }

    // 1–5 decimal digits starting at start; null when there are none or more.
    private static string? Digits(string text, int start, int end, out int after)
    {
        after = start;
        while (after < end && text[after] >= '0' && text[after] <= '9')
        {
            after++;
        }

        var count = after - start;
        return count is >= 1 and <= 5 ? text.Substring(start, count) : null;
    }

    private static bool IsScheme(string text, int start, int end)
    {
        if (end <= start || !char.IsLetter(text[start]))
        {
            return false;
        }

        for (var i = start + 1; i < end; i++)
        {
            var c = text[i];
            if (!(char.IsLetterOrDigit(c) || c is '+' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static string? DefaultPort(string scheme) => scheme.ToLowerInvariant() switch
    {
        "http" => "80",
        "https" => "443",
        _ => null,
    };
}
