using System.Globalization;
using System.Text;

namespace DualStack.Rules.Net;

/// <summary>
/// Writes an address exactly as Go's <c>net.IP.String()</c> does, because Kubernetes compares values
/// against that text to decide what is canonical.
/// </summary>
internal static class IpAddressFormatter
{
    public static string Format(IpAddress address)
    {
        if (address.Family == IpFamily.IPv4)
        {
            var v = address.IPv4Value;
            return string.Concat(
                (v >> 24).ToString(CultureInfo.InvariantCulture), ".",
                ((v >> 16) & 0xFF).ToString(CultureInfo.InvariantCulture), ".",
                ((v >> 8) & 0xFF).ToString(CultureInfo.InvariantCulture), ".",
                (v & 0xFF).ToString(CultureInfo.InvariantCulture));
        }

        var groups = new int[8];
        for (var i = 0; i < 4; i++)
        {
            groups[i] = (int)((address.High >> (48 - (16 * i))) & 0xFFFF);
            groups[i + 4] = (int)((address.Low >> (48 - (16 * i))) & 0xFFFF);
        }

        // Longest run of zero groups; a strictly longer run replaces the current one, so the first wins ties.
        int runStart = -1, runLength = 0;
        for (var i = 0; i < 8;)
        {
            var j = i;
            while (j < 8 && groups[j] == 0)
            {
                j++;
            }

            if (j - i > runLength)
            {
                runStart = i;
                runLength = j - i;
            }

            i = j == i ? i + 1 : j;
        }

        // RFC 5952 4.2.2: "::" must not shorten a single zero group.
        if (runLength < 2)
        {
            runStart = -1;
        }

        var text = new StringBuilder(39);
        for (var i = 0; i < 8; i++)
        {
            if (i == runStart)
            {
                text.Append("::");
                i += runLength - 1;
                continue;
            }

            if (i > 0 && i != runStart + runLength)
            {
                text.Append(':');
            }

            text.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
