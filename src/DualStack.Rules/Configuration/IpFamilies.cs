using DualStack.Rules.Net;

namespace DualStack.Rules;

/// <summary>The IP families of a target cluster, primary first: <c>IPv4</c>, <c>IPv6</c>, <c>IPv4,IPv6</c> or <c>IPv6,IPv4</c>.</summary>
public sealed class IpFamilies : IEquatable<IpFamilies>
{
    private IpFamilies(IReadOnlyList<IpFamily> families) => Families = families;

    public static IpFamilies IPv4Only { get; } = new([IpFamily.IPv4]);

    public static IpFamilies IPv6Only { get; } = new([IpFamily.IPv6]);

    public static IpFamilies DualStackIPv4Primary { get; } = new([IpFamily.IPv4, IpFamily.IPv6]);

    public static IpFamilies DualStackIPv6Primary { get; } = new([IpFamily.IPv6, IpFamily.IPv4]);

    /// <summary>The default target: dual-stack with IPv4 primary.</summary>
    public static IpFamilies Default => DualStackIPv4Primary;

    /// <summary>One or two families, primary first, no repeats.</summary>
    public IReadOnlyList<IpFamily> Families { get; }

    public IpFamily Primary => Families[0];

    public bool IsDualStack => Families.Count == 2;

    public bool Contains(IpFamily family) => Families.Contains(family);

    /// <summary>Builds the value from one or two distinct families, primary first.</summary>
    public static IpFamilies Of(IpFamily primary, IpFamily? secondary = null)
    {
        if (secondary is null)
        {
            return primary == IpFamily.IPv4 ? IPv4Only : IPv6Only;
        }

        if (secondary == primary)
        {
            throw new ArgumentException("The two families of a dual-stack cluster must differ.", nameof(secondary));
        }

        return primary == IpFamily.IPv4 ? DualStackIPv4Primary : DualStackIPv6Primary;
    }

    /// <summary>
    /// Parses the <c>dualstack_lint.ip_families</c> / <c>--ip-families</c> value: family names (case-insensitive,
    /// also <c>4</c>/<c>6</c>) separated by commas, primary first. Returns an error message on failure.
    /// </summary>
    public static bool TryParse(string? text, out IpFamilies families, out string? error)
    {
        families = Default;
        error = null;
        var parts = (text ?? string.Empty).Split(',').Select(p => p.Trim()).ToArray();
        if (parts.Length is 0 or > 2 || parts.Any(p => p.Length == 0))
        {
            error = $"\"{text}\" is not a list of IP families; use IPv4, IPv6, IPv4,IPv6 or IPv6,IPv4";
            return false;
        }

        var parsed = new List<IpFamily>();
        foreach (var part in parts)
        {
            IpFamily family;
            if (part.Equals("IPv4", StringComparison.OrdinalIgnoreCase) || part == "4")
            {
                family = IpFamily.IPv4;
            }
            else if (part.Equals("IPv6", StringComparison.OrdinalIgnoreCase) || part == "6")
            {
                family = IpFamily.IPv6;
            }
            else
            {
                error = $"\"{part}\" is not an IP family; use IPv4 or IPv6";
                return false;
            }

            if (parsed.Contains(family))
            {
                error = $"\"{text}\" names {family} twice; a dual-stack cluster has one IPv4 and one IPv6 family";
                return false;
            }

            parsed.Add(family);
        }

        families = Of(parsed[0], parsed.Count == 2 ? parsed[1] : null);
        return true;
    }

    public bool Equals(IpFamilies? other) => other is not null && Families.SequenceEqual(other.Families);

    public override bool Equals(object? obj) => Equals(obj as IpFamilies);

    public override int GetHashCode() => Families.Aggregate(17, (h, f) => (h * 31) + (int)f);

    public override string ToString() => string.Join(",", Families);
}
