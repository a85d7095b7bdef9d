using System.Numerics;

namespace DualStack.Rules.Net;

/// <summary>
/// An IPv4 or IPv6 address with Kubernetes (Go <c>net.IP</c>) semantics.
/// </summary>
/// <remarks>
/// Stored as 16 bytes, IPv4 in its IPv4-mapped form (<c>::ffff:a.b.c.d</c>) exactly as Go's <c>net.IP</c> does,
/// plus whether the text was written as plain IPv4. That flag only drives <see cref="IsIPv4Mapped"/> and the
/// length of <see cref="GetBytes"/>: Kubernetes (<c>k8s.io/utils/net.IPFamilyOf</c>, <c>net.IP.Equal</c>) treats
/// <c>1.2.3.4</c> and <c>::ffff:1.2.3.4</c> as the same IPv4 address, so equality, ordering, family and text ignore it.
/// <c>default(IpAddress)</c> is the IPv6 unspecified address <c>::</c>.
/// </remarks>
public readonly struct IpAddress : IEquatable<IpAddress>, IComparable<IpAddress>
{
    // The ::ffff:0:0/96 prefix that marks an IPv4 address inside 16 bytes: bytes 10 and 11 are 0xff.
    private const ulong MappedLowPrefix = 0x0000_FFFF_0000_0000UL;
    private const ulong MappedLowMask = 0xFFFF_FFFF_0000_0000UL;

    private readonly bool _writtenAsIPv4;

    internal IpAddress(ulong high, ulong low, bool writtenAsIPv4)
    {
        High = high;
        Low = low;
        // The flag only means something for addresses in the IPv4 range; keep identity simple otherwise.
        _writtenAsIPv4 = writtenAsIPv4 && high == 0 && (low & MappedLowMask) == MappedLowPrefix;
    }

    /// <summary>The IPv4 unspecified address <c>0.0.0.0</c>.</summary>
    public static IpAddress IPv4Any { get; } = FromIPv4(0);

    /// <summary>The IPv6 unspecified address <c>::</c>.</summary>
    public static IpAddress IPv6Any { get; } = new(0, 0, false);

    /// <summary>The IPv4 loopback address <c>127.0.0.1</c>.</summary>
    public static IpAddress IPv4Loopback { get; } = FromIPv4(0x7F00_0001);

    /// <summary>The IPv6 loopback address <c>::1</c>.</summary>
    public static IpAddress IPv6Loopback { get; } = new(0, 1, false);

    /// <summary>The upper 64 bits of the 16-byte form (IPv4 lives in <see cref="Low"/>).</summary>
    internal ulong High { get; }

    /// <summary>The lower 64 bits of the 16-byte form.</summary>
    internal ulong Low { get; }

    /// <summary>IPv4 for plain IPv4 text and for IPv4-mapped IPv6 (<c>::ffff:1.2.3.4</c>), as <c>IPFamilyOf</c> decides.</summary>
    public IpFamily Family => IsInMappedRange ? IpFamily.IPv4 : IpFamily.IPv6;

    /// <summary>True when the address was written in IPv6 syntax as <c>::ffff:a.b.c.d</c> (or its hex equivalent).</summary>
    public bool IsIPv4Mapped => IsInMappedRange && !_writtenAsIPv4;

    /// <summary>32 for the IPv4 family (mapped included), 128 otherwise.</summary>
    public int BitLength => Family == IpFamily.IPv4 ? 32 : 128;

    /// <summary>The 32-bit value of an IPv4-family address (meaningless for IPv6).</summary>
    internal uint IPv4Value => (uint)Low;

    private bool IsInMappedRange => High == 0 && (Low & MappedLowMask) == MappedLowPrefix;

    /// <summary>
    /// Parses with Kubernetes' sloppy rules (<see cref="IpParser.TryParseSloppy"/>) and throws <see cref="FormatException"/>
    /// otherwise; meant for constants and tests. Use <see cref="IpParser"/> for input.
    /// </summary>
    public static IpAddress Parse(string text) =>
        IpParser.TryParseSloppy(text, out var address) ? address : throw new FormatException($"\"{text}\" is not an IP address.");

    /// <summary>Builds an IPv4 address from its 32-bit big-endian value.</summary>
    public static IpAddress FromIPv4(uint value) => new(0, MappedLowPrefix | value, true);

    /// <summary>
    /// Builds an address from 4 bytes (plain IPv4) or 16 bytes (IPv6; an IPv4-mapped value stays mapped),
    /// the inverse of <see cref="GetBytes"/>.
    /// </summary>
    public static IpAddress FromBytes(byte[] bytes)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        if (bytes.Length == 4)
        {
            return FromIPv4(((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3]);
        }

        if (bytes.Length != 16)
        {
            throw new ArgumentException("An IP address has 4 or 16 bytes.", nameof(bytes));
        }

        ulong high = 0;
        ulong low = 0;
        for (var i = 0; i < 8; i++)
        {
            high = (high << 8) | bytes[i];
            low = (low << 8) | bytes[i + 8];
        }

        return new IpAddress(high, low, false);
    }

    /// <summary>4 bytes when written as plain IPv4, otherwise the 16-byte form (so a mapped address stays mapped).</summary>
    public byte[] GetBytes()
    {
        if (_writtenAsIPv4)
        {
            var v4 = IPv4Value;
            return [(byte)(v4 >> 24), (byte)(v4 >> 16), (byte)(v4 >> 8), (byte)v4];
        }

        var bytes = new byte[16];
        for (var i = 0; i < 8; i++)
        {
            bytes[i] = (byte)(High >> (56 - (8 * i)));
            bytes[i + 8] = (byte)(Low >> (56 - (8 * i)));
        }

        return bytes;
    }

    /// <summary>The address as an unsigned number in its family's space (32-bit for IPv4, mapped included).</summary>
    public BigInteger ToBigInteger() =>
        Family == IpFamily.IPv4 ? new BigInteger(IPv4Value) : (new BigInteger(High) << 64) | new BigInteger(Low);

    /// <summary>
    /// The address <paramref name="offset"/> steps away in the same family (mapped stays mapped).
    /// Throws <see cref="OverflowException"/> when the result leaves the family's address space.
    /// </summary>
    public IpAddress Add(BigInteger offset) =>
        TryAdd(offset, out var result)
            ? result
            : throw new OverflowException($"{this} + {offset} is outside the {Family} address space.");

    /// <summary>Like <see cref="Add"/>, returning false instead of throwing when the result would leave the family.</summary>
    public bool TryAdd(BigInteger offset, out IpAddress result)
    {
        var value = ToBigInteger() + offset;
        if (value.Sign < 0 || value >= BigInteger.One << BitLength)
        {
            result = default;
            return false;
        }

        if (Family == IpFamily.IPv4)
        {
            result = new IpAddress(0, MappedLowPrefix | (uint)value, _writtenAsIPv4);
            return true;
        }

        var mask = (BigInteger.One << 64) - 1;
        result = new IpAddress((ulong)(value >> 64), (ulong)(value & mask), false);
        return true;
    }

    /// <summary><c>0.0.0.0</c> (or <c>::ffff:0.0.0.0</c>) or <c>::</c>, as Go's <c>IsUnspecified</c>.</summary>
    public bool IsUnspecified => Family == IpFamily.IPv4 ? IPv4Value == 0 : High == 0 && Low == 0;

    /// <summary><c>127.0.0.0/8</c> or exactly <c>::1</c>, as Go's <c>IsLoopback</c>.</summary>
    public bool IsLoopback => Family == IpFamily.IPv4 ? (IPv4Value >> 24) == 127 : High == 0 && Low == 1;

    /// <summary><c>169.254.0.0/16</c> or <c>fe80::/10</c>, as Go's <c>IsLinkLocalUnicast</c>.</summary>
    public bool IsLinkLocalUnicast =>
        Family == IpFamily.IPv4 ? (IPv4Value >> 16) == 0xA9FE : (High >> 54) == (0xFE80UL >> 6);

    /// <summary>
    /// <c>224.0.0.0/24</c> or <c>ffX2::/16</c> (any flags nibble, scope 2), as Go's <c>IsLinkLocalMulticast</c>;
    /// Kubernetes' message calls the IPv6 part "ff02::/10", which is not what the code checks.
    /// </summary>
    public bool IsLinkLocalMulticast =>
        Family == IpFamily.IPv4 ? (IPv4Value >> 8) == 0xE0_0000 : (High >> 56) == 0xFF && ((High >> 48) & 0x0F) == 0x02;

    /// <summary><c>224.0.0.0/4</c> or <c>ff00::/8</c>, as Go's <c>IsMulticast</c>.</summary>
    public bool IsMulticast => Family == IpFamily.IPv4 ? (IPv4Value >> 28) == 0xE : (High >> 56) == 0xFF;

    /// <summary>RFC 1918 (<c>10/8</c>, <c>172.16/12</c>, <c>192.168/16</c>) or ULA <c>fc00::/7</c>, as Go's <c>IsPrivate</c>.</summary>
    public bool IsPrivate =>
        Family == IpFamily.IPv4
            ? (IPv4Value >> 24) == 10 || (IPv4Value >> 20) == 0xAC1 || (IPv4Value >> 16) == 0xC0A8
            : (High >> 57) == (0xFCUL >> 1);

    /// <summary>
    /// Go's <c>net.IP.String()</c>: dotted decimal for the IPv4 family (so <c>::ffff:1.2.3.4</c> prints
    /// <c>1.2.3.4</c>), otherwise RFC 5952 lowercase hex with the longest run of two or more zero groups
    /// compressed (the first on ties). This is the canonical form Kubernetes compares against.
    /// </summary>
    public override string ToString() => IpAddressFormatter.Format(this);

    public bool Equals(IpAddress other) => High == other.High && Low == other.Low;

    public override bool Equals(object? obj) => obj is IpAddress other && Equals(other);

    public override int GetHashCode() => (High ^ (Low * 31)).GetHashCode();

    /// <summary>IPv4 family first, then by numeric value.</summary>
    public int CompareTo(IpAddress other)
    {
        if (Family != other.Family)
        {
            return Family == IpFamily.IPv4 ? -1 : 1;
        }

        var byHigh = High.CompareTo(other.High);
        return byHigh != 0 ? byHigh : Low.CompareTo(other.Low);
    }

    public static bool operator ==(IpAddress left, IpAddress right) => left.Equals(right);

    public static bool operator !=(IpAddress left, IpAddress right) => !left.Equals(right);

    public static bool operator <(IpAddress left, IpAddress right) => left.CompareTo(right) < 0;

    public static bool operator >(IpAddress left, IpAddress right) => left.CompareTo(right) > 0;

    public static bool operator <=(IpAddress left, IpAddress right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IpAddress left, IpAddress right) => left.CompareTo(right) >= 0;

    /// <summary>The address with all bits after the first <paramref name="prefix128"/> (of the 16-byte form) cleared.</summary>
    internal IpAddress Mask(int prefix128)
    {
        var highMask = prefix128 >= 64 ? ulong.MaxValue : prefix128 <= 0 ? 0UL : ulong.MaxValue << (64 - prefix128);
        var lowMask = prefix128 >= 128 ? ulong.MaxValue : prefix128 <= 64 ? 0UL : ulong.MaxValue << (128 - prefix128);
        return new IpAddress(High & highMask, Low & lowMask, _writtenAsIPv4);
    }
}
