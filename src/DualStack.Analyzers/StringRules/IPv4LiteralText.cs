using DualStack.Rules.Net;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// IPv4 literals in C# strings, decided by the shared IP library (the one the manifest checks use), so the analyzer
/// and the engine agree on what an address is and which ranges are special. A literal counts only when it is written
/// as four dotted decimal parts: <c>"2"</c>, hex forms, OIDs and versions with more parts are not addresses here,
/// whatever <see cref="System.Net.IPAddress.Parse(string)"/> would accept.
/// </summary>
internal static class IPv4LiteralText
{
    private static readonly IpAddress LimitedBroadcast = IpAddress.FromIPv4(0xFFFF_FFFF);

    /// <summary>The IPv4 address written at <paramref name="start"/>, or false when the text there is not one.</summary>
    public static bool TryParse(string text, int start, int length, out IpAddress address)
    {
        address = default;

        // "0.0.0.0" is the shortest dotted quad and "255.255.255.255" the longest; anything else cannot be one.
        if (length < 7 || length > 15 || start < 0 || start + length > text.Length)
        {
            return false;
        }

        var candidate = text.Substring(start, length);
        return candidate.IndexOf(':') < 0 && IpParser.TryParseSloppy(candidate, out address) && address.Family == IpFamily.IPv4;
    }

    public static bool IsDottedQuad(string text) => TryParse(text, 0, text.Length, out _);

    /// <summary>
    /// The RFC 5737 documentation networks, the limited broadcast address and multicast: examples, or IPv4 by
    /// protocol (SSDP, mDNS, broadcast discovery), never a deployment address that IPv6 would replace.
    /// </summary>
    public static bool IsExempt(IpAddress address) =>
        address.IsMulticast
        || address == LimitedBroadcast
        || SpecialRanges.IPv4Documentation1.Contains(address)
        || SpecialRanges.IPv4Documentation2.Contains(address)
        || SpecialRanges.IPv4Documentation3.Contains(address);
}
