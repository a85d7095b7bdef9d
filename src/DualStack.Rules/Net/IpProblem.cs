namespace DualStack.Rules.Net;

/// <summary>
/// Why an IP or CIDR value is not accepted. Strict problems (everything but <see cref="Invalid"/>) are the ones the
/// StrictIPCIDRValidation gate turns into errors from Kubernetes 1.36; before that they are only warnings.
/// </summary>
public enum IpProblem
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>Not an IP / CIDR even for the sloppy parser; nothing else is checked.</summary>
    Invalid,

    /// <summary>Leading zeros in an IPv4 field (<c>010.1.1.1</c>), more than 4 digits in an IPv6 group, or a prefix length like <c>/08</c>.</summary>
    LeadingZeros,

    /// <summary>IPv4-mapped IPv6 (<c>::ffff:1.2.3.4</c>).</summary>
    IPv4Mapped,

    /// <summary>A CIDR with bits set beyond the prefix length (<c>10.1.2.3/8</c>).</summary>
    HostBitsSet,
}
