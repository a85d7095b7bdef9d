namespace DualStack.Rules.Net;

/// <summary>
/// Parses IPs and CIDRs as Kubernetes does. The sloppy parse (<c>ParseIPSloppy</c> / <c>ParseCIDRSloppy</c>)
/// decides validity; the strict layer (StrictIPCIDRValidation) adds at most one problem on top.
/// Never use <see cref="System.Net.IPAddress.Parse(string)"/> for this: it accepts <c>"2"</c>, hex and octal.
/// </summary>
public static class IpParser
{
    /// <summary>
    /// <c>netutils.ParseIPSloppy</c>: IPv4 is exactly four decimal fields ≤ 255 (leading zeros read as decimal);
    /// IPv6 is hex groups with at most one <c>::</c> and an optional trailing dotted IPv4. Zones, brackets,
    /// ports, CIDR suffixes, whitespace and the empty string are rejected.
    /// </summary>
    public static bool TryParseSloppy(string? text, out IpAddress address) =>
        IpTextParser.TryParseAddress(text, out address, out _);

    /// <summary><c>netutils.ParseCIDRSloppy</c>: <c>addr/len</c>, length decimal (leading zeros allowed); host bits kept in <see cref="IpCidr.Address"/>.</summary>
    public static bool TryParseCidrSloppy(string? text, out IpCidr cidr)
    {
        if (IpTextParser.TryParseCidr(text, out var address, out var prefix, out var v4, out _))
        {
            cidr = new IpCidr(address, prefix, v4);
            return true;
        }

        cidr = default;
        return false;
    }

    /// <summary>
    /// apimachinery <c>parseIP</c>: sloppy parse, then with <paramref name="strict"/> the first of
    /// leading zeros / IPv4-mapped. Canonical form is not required here (see <see cref="IsCanonicalIp"/>).
    /// </summary>
    public static ParseResult<IpAddress> ParseIp(string? text, bool strict)
    {
        if (!IpTextParser.TryParseAddress(text, out var address, out var nonStandard))
        {
            return new ParseResult<IpAddress>(text, false, default, IpProblem.Invalid, IpMessages.InvalidIp);
        }

        if (strict)
        {
            // netip.ParseAddr would fail on exactly these inputs, and then Is4In6 is never reached.
            if (nonStandard)
            {
                return new ParseResult<IpAddress>(text, true, address, IpProblem.LeadingZeros, IpMessages.IpLeadingZeros);
            }

            if (address.IsIPv4Mapped)
            {
                return new ParseResult<IpAddress>(text, true, address, IpProblem.IPv4Mapped, IpMessages.IpIPv4Mapped);
            }
        }

        return new ParseResult<IpAddress>(text, true, address, IpProblem.None, null);
    }

    /// <summary>
    /// apimachinery <c>parseCIDR</c>: sloppy parse, then with <paramref name="strict"/> only the first of
    /// leading zeros (IP or length) / IPv4-mapped / host bits set.
    /// </summary>
    public static ParseResult<IpCidr> ParseCidr(string? text, bool strict)
    {
        if (!IpTextParser.TryParseCidr(text, out var address, out var prefix, out var v4, out var nonStandard))
        {
            return new ParseResult<IpCidr>(text, false, default, IpProblem.Invalid, IpMessages.InvalidCidr);
        }

        var cidr = new IpCidr(address, prefix, v4);
        if (strict)
        {
            if (nonStandard)
            {
                return new ParseResult<IpCidr>(text, true, cidr, IpProblem.LeadingZeros, IpMessages.CidrLeadingZeros);
            }

            if (address.IsIPv4Mapped)
            {
                return new ParseResult<IpCidr>(text, true, cidr, IpProblem.IPv4Mapped, IpMessages.CidrIPv4Mapped);
            }

            if (cidr.HasHostBits)
            {
                return new ParseResult<IpCidr>(text, true, cidr, IpProblem.HostBitsSet, IpMessages.CidrHostBits);
            }
        }

        return new ParseResult<IpCidr>(text, true, cidr, IpProblem.None, null);
    }

    /// <summary>The canonical text (Go <c>net.IP.String()</c>) of a sloppy-parseable IP, or null.</summary>
    public static string? Canonicalize(string? text) => TryParseSloppy(text, out var a) ? a.ToString() : null;

    /// <summary>The canonical text (Go <c>IPNet.String()</c>, host bits masked) of a sloppy-parseable CIDR, or null.</summary>
    public static string? CanonicalizeCidr(string? text) => TryParseCidrSloppy(text, out var c) ? c.ToString() : null;

    /// <summary>True when <paramref name="text"/> parses and is byte-identical to its canonical form (what <c>IsValidIP</c> demands).</summary>
    public static bool IsCanonicalIp(string? text) => text is not null && Canonicalize(text) == text;
}
