using System.Globalization;
using System.Numerics;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Cluster.Net;

/// <summary>
/// An IP address as the cluster configuration checks need it: Go <c>net.ParseIP</c> semantics with the sloppy
/// IPv4 form Kubernetes components accept (leading zeros read as decimal). A private stand-in for the shared
/// IP library (<c>DualStack.Rules.Net</c>), which was not available when these checks were written.
/// </summary>
public readonly struct IpValue : IEquatable<IpValue>
{
    private IpValue(BigInteger value, IpFamily family)
    {
        Value = value;
        Family = family;
    }

    /// <summary>The address as a number (32-bit for IPv4, 128-bit for IPv6; IPv4-mapped IPv6 is stored as IPv4).</summary>
    public BigInteger Value { get; }

    public IpFamily Family { get; }

    public int Bits => Family == IpFamily.IPv4 ? 32 : 128;

    public bool IsUnspecified => Value.IsZero;

    public static IpValue FromNumber(BigInteger value, IpFamily family) => new(value, family);

    /// <summary>Parses an IP the way Go's <c>net.ParseIP</c> does (no zone, no brackets, no spaces).</summary>
    public static bool TryParse(string? text, out IpValue ip)
    {
        ip = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text!.IndexOf(':') < 0)
        {
            if (TryParseIPv4(text, out var v4))
            {
                ip = new IpValue(v4, IpFamily.IPv4);
                return true;
            }

            return false;
        }

        if (!TryParseIPv6(text, out var v6))
        {
            return false;
        }

        // IPv4-mapped IPv6 (::ffff:a.b.c.d) is IPv4 for Kubernetes, as for Go's To4().
        var mappedPrefix = new BigInteger(0xffff) << 32;
        if ((v6 >> 32) == new BigInteger(0xffff))
        {
            ip = new IpValue(v6 - mappedPrefix, IpFamily.IPv4);
            return true;
        }

        ip = new IpValue(v6, IpFamily.IPv6);
        return true;
    }

    private static bool TryParseIPv4(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(c => c is >= '0' and <= '9'))
            {
                return false;
            }

            var n = int.Parse(part, CultureInfo.InvariantCulture);
            if (n > 255)
            {
                return false;
            }

            value = (value << 8) + n;
        }

        return true;
    }

    private static bool TryParseIPv6(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var groups = new List<int>();
        var ellipsis = -1;
        var s = text;
        if (s.StartsWith("::", StringComparison.Ordinal))
        {
            ellipsis = 0;
            s = s.Substring(2);
            if (s.Length == 0)
            {
                return true;
            }
        }

        var i = 0;
        while (i < s.Length)
        {
            var end = s.IndexOf(':', i);
            var token = end < 0 ? s.Substring(i) : s.Substring(i, end - i);
            if (end < 0 && token.IndexOf('.') >= 0)
            {
                // Trailing dotted IPv4 takes the last two groups.
                if (!TryParseIPv4(token, out var v4) || groups.Count > 6)
                {
                    return false;
                }

                groups.Add((int)(v4 >> 16));
                groups.Add((int)(v4 & 0xffff));
                i = s.Length;
                break;
            }

            if (token.Length is 0 or > 4 || !token.All(Uri.IsHexDigit))
            {
                return false;
            }

            groups.Add(int.Parse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            if (end < 0)
            {
                i = s.Length;
                break;
            }

            i = end + 1;
            if (i < s.Length && s[i] == ':')
            {
                if (ellipsis >= 0)
                {
                    return false;
                }

                ellipsis = groups.Count;
                i++;
                if (i == s.Length)
                {
                    break;
                }
            }
            else if (i == s.Length)
            {
                return false;
            }
        }

        if (groups.Count > 8 || (ellipsis < 0 && groups.Count != 8) || (ellipsis >= 0 && groups.Count == 8))
        {
            return false;
        }

        if (ellipsis >= 0)
        {
            var zeros = 8 - groups.Count;
            groups.InsertRange(ellipsis, Enumerable.Repeat(0, zeros));
        }

        foreach (var g in groups)
        {
            value = (value << 16) + g;
        }

        return true;
    }

    /// <summary>Canonical text: dotted quad, or RFC 5952 IPv6 (longest zero run of two or more groups compressed).</summary>
    public override string ToString()
    {
        if (Family == IpFamily.IPv4)
        {
            var b = Value;
            return string.Join(".", new[] { 24, 16, 8, 0 }.Select(shift => ((int)((b >> shift) & 0xff)).ToString(CultureInfo.InvariantCulture)));
        }

        var groups = new int[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (int)((Value >> (16 * (7 - i))) & 0xffff);
        }

        int bestStart = -1, bestLen = 0;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var j = i;
            while (j < 8 && groups[j] == 0)
            {
                j++;
            }

            if (j - i > bestLen && j - i >= 2)
            {
                bestStart = i;
                bestLen = j - i;
            }

            i = j;
        }

        string Hex(IEnumerable<int> gs) => string.Join(":", gs.Select(g => g.ToString("x", CultureInfo.InvariantCulture)));
        return bestStart < 0
            ? Hex(groups)
            : Hex(groups.Take(bestStart)) + "::" + Hex(groups.Skip(bestStart + bestLen));
    }

    public bool Equals(IpValue other) => Family == other.Family && Value == other.Value;

    public override bool Equals(object? obj) => obj is IpValue other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode() ^ (int)Family;
}
