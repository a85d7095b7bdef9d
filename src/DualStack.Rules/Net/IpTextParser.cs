namespace DualStack.Rules.Net;

/// <summary>
/// The sloppy parser Kubernetes uses everywhere (<c>k8s.io/utils/net.ParseIPSloppy</c> / <c>ParseCIDRSloppy</c>,
/// i.e. Go 1.16's <c>net.ParseIP</c> / <c>net.ParseCIDR</c>), written from its documented behaviour.
/// </summary>
/// <remarks>
/// While parsing it also notes what Go's strict <c>net/netip</c> parser would have refused among the inputs the
/// sloppy one accepts: an IPv4 field with a leading zero, an IPv6 group of more than four hex digits, a prefix
/// length with a leading zero. Those are exactly the cases apimachinery reports as "leading 0s", so the strict
/// layer never needs a second parser.
/// </remarks>
internal static class IpTextParser
{
    // Go's dtoi/xtoi give up at this value, which bounds how many significant digits a field can have
    // (leading zeros never reach it, so "0000000001" is a valid IPv4 field to the sloppy parser).
    private const int Big = 0xFFFFFF;

    public static bool TryParseAddress(string? text, out IpAddress address, out bool nonStandardDigits)
    {
        address = default;
        nonStandardDigits = false;
        if (text is null)
        {
            return false;
        }

        // Like Go: the first '.' or ':' decides the family; a string with neither is not an IP.
        foreach (var c in text)
        {
            if (c == '.')
            {
                return TryParseIPv4(text, 0, text.Length, out address, ref nonStandardDigits);
            }

            if (c == ':')
            {
                return TryParseIPv6(text, 0, text.Length, out address, ref nonStandardDigits);
            }
        }

        return false;
    }

    /// <summary>
    /// <c>addr/len</c>; the length is decimal, may have leading zeros, 0..32 for IPv4 text and 0..128 for IPv6 text
    /// (an IPv4-mapped address takes a 0..128 length).
    /// </summary>
    public static bool TryParseCidr(
        string? text, out IpAddress address, out int prefixLength, out bool writtenAsIPv4, out bool nonStandardDigits)
    {
        address = default;
        prefixLength = 0;
        writtenAsIPv4 = false;
        nonStandardDigits = false;
        if (text is null)
        {
            return false;
        }

        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        // Go's ParseCIDR tries IPv4 first and falls back to IPv6; for valid input that equals the first-separator rule.
        if (TryParseIPv4(text, 0, slash, out address, ref nonStandardDigits))
        {
            writtenAsIPv4 = true;
        }
        else
        {
            nonStandardDigits = false;
            if (!TryParseIPv6(text, 0, slash, out address, ref nonStandardDigits))
            {
                return false;
            }
        }

        var start = slash + 1;
        if (!TryReadDecimal(text, start, text.Length, out var value, out var end) || end != text.Length)
        {
            return false;
        }

        if (value > (writtenAsIPv4 ? 32 : 128))
        {
            return false;
        }

        if (end - start > 1 && text[start] == '0')
        {
            nonStandardDigits = true;
        }

        prefixLength = value;
        return true;
    }

    private static bool TryParseIPv4(string s, int start, int end, out IpAddress address, ref bool nonStandardDigits)
    {
        address = default;
        if (!TryParseIPv4Value(s, start, end, out var value, ref nonStandardDigits))
        {
            return false;
        }

        address = IpAddress.FromIPv4(value);
        return true;
    }

    // Exactly four decimal fields, each at most 255; leading zeros are read as decimal, never octal.
    private static bool TryParseIPv4Value(string s, int start, int end, out uint value, ref bool nonStandardDigits)
    {
        value = 0;
        var pos = start;
        for (var field = 0; field < 4; field++)
        {
            if (pos >= end)
            {
                return false;
            }

            if (field > 0)
            {
                if (s[pos] != '.')
                {
                    return false;
                }

                pos++;
            }

            var digitsStart = pos;
            if (!TryReadDecimal(s, pos, end, out var n, out pos) || n > 255)
            {
                return false;
            }

            if (pos - digitsStart > 1 && s[digitsStart] == '0')
            {
                nonStandardDigits = true;
            }

            value = (value << 8) | (uint)n;
        }

        return pos == end;
    }

    private static bool TryParseIPv6(string s, int start, int end, out IpAddress address, ref bool nonStandardDigits)
    {
        address = default;
        var bytes = new byte[16];
        var ellipsis = -1;
        var pos = start;

        if (end - pos >= 2 && s[pos] == ':' && s[pos + 1] == ':')
        {
            ellipsis = 0;
            pos += 2;
            if (pos == end)
            {
                address = IpAddress.IPv6Any;
                return true;
            }
        }

        var i = 0;
        while (i < 16)
        {
            var groupStart = pos;
            if (!TryReadHex(s, pos, end, out var n, out pos) || n > 0xFFFF)
            {
                return false;
            }

            // A '.' after the group means the rest is an embedded dotted IPv4 filling the last 4 bytes.
            if (pos < end && s[pos] == '.')
            {
                if ((ellipsis < 0 && i != 12) || i + 4 > 16)
                {
                    return false;
                }

                if (!TryParseIPv4Value(s, groupStart, end, out var v4, ref nonStandardDigits))
                {
                    return false;
                }

                bytes[i] = (byte)(v4 >> 24);
                bytes[i + 1] = (byte)(v4 >> 16);
                bytes[i + 2] = (byte)(v4 >> 8);
                bytes[i + 3] = (byte)v4;
                i += 4;
                pos = end;
                break;
            }

            if (pos - groupStart > 4)
            {
                nonStandardDigits = true;
            }

            bytes[i] = (byte)(n >> 8);
            bytes[i + 1] = (byte)n;
            i += 2;

            if (pos == end)
            {
                break;
            }

            // Otherwise a ':' and more must follow.
            if (s[pos] != ':' || pos + 1 == end)
            {
                return false;
            }

            pos++;
            if (s[pos] == ':')
            {
                if (ellipsis >= 0)
                {
                    return false;
                }

                ellipsis = i;
                pos++;
                if (pos == end)
                {
                    break;
                }
            }
        }

        if (pos != end)
        {
            return false;
        }

        if (i < 16)
        {
            if (ellipsis < 0)
            {
                return false;
            }

            // Move the groups after "::" to the end and zero the gap.
            var shift = 16 - i;
            for (var j = i - 1; j >= ellipsis; j--)
            {
                bytes[j + shift] = bytes[j];
            }

            for (var j = ellipsis + shift - 1; j >= ellipsis; j--)
            {
                bytes[j] = 0;
            }
        }
        else if (ellipsis >= 0)
        {
            // "::" must stand for at least one zero group.
            return false;
        }

        address = IpAddress.FromBytes(bytes);
        return true;
    }

    // Go's dtoi: at least one digit, stops at the first non-digit, fails once the value reaches Big.
    private static bool TryReadDecimal(string s, int pos, int end, out int value, out int next)
    {
        value = 0;
        next = pos;
        while (next < end && s[next] >= '0' && s[next] <= '9')
        {
            value = (value * 10) + (s[next] - '0');
            if (value >= Big)
            {
                return false;
            }

            next++;
        }

        return next > pos;
    }

    // Go's xtoi: as dtoi, in hex, either case.
    private static bool TryReadHex(string s, int pos, int end, out int value, out int next)
    {
        value = 0;
        next = pos;
        while (next < end)
        {
            var c = s[next];
            int digit;
            if (c >= '0' && c <= '9')
            {
                digit = c - '0';
            }
            else if (c >= 'a' && c <= 'f')
            {
                digit = c - 'a' + 10;
            }
            else if (c >= 'A' && c <= 'F')
            {
                digit = c - 'A' + 10;
            }
            else
            {
                break;
            }

            value = (value * 16) + digit;
            if (value >= Big)
            {
                return false;
            }

            next++;
        }

        return next > pos;
    }
}
