using DualStack.Rules.Net;

namespace DualStack.Manifests.Cluster.Net;

/// <summary>Ranges that must not be used as pod, service or pool ranges, with the reason in words.</summary>
public static class SpecialPurposeRanges
{
    public static CidrValue DockerBridge { get; } = CidrValue.Parse("172.17.0.0/16");

    private static readonly (CidrValue Range, string Name, bool LinkLocal)[] Ranges =
    [
        (CidrValue.Parse("169.254.0.0/16"), "the IPv4 link-local range 169.254.0.0/16", true),
        (CidrValue.Parse("fe80::/10"), "the IPv6 link-local range fe80::/10", true),
        (CidrValue.Parse("192.0.2.0/24"), "the documentation range 192.0.2.0/24 (TEST-NET-1)", false),
        (CidrValue.Parse("198.51.100.0/24"), "the documentation range 198.51.100.0/24 (TEST-NET-2)", false),
        (CidrValue.Parse("203.0.113.0/24"), "the documentation range 203.0.113.0/24 (TEST-NET-3)", false),
        (CidrValue.Parse("2001:db8::/32"), "the IPv6 documentation range 2001:db8::/32", false),
        (CidrValue.Parse("3fff::/20"), "the IPv6 documentation range 3fff::/20", false),
        (CidrValue.Parse("fec0::/10"), "the deprecated IPv6 site-local range fec0::/10", false),
        (CidrValue.Parse("fc00::/8"), "fc00::/8, the undefined half of the unique local range fc00::/7", false),
    ];

    /// <summary>The special range the CIDR overlaps, or null.</summary>
    public static (string Name, bool LinkLocal)? Find(CidrValue cidr)
    {
        foreach (var (range, name, linkLocal) in Ranges)
        {
            if (range.Overlaps(cidr))
            {
                return (name, linkLocal);
            }
        }

        return null;
    }

    public static bool IsLinkLocal(IpValue ip) =>
        ip.Family == IpFamily.IPv4 ? Ranges[0].Range.Contains(ip) : Ranges[1].Range.Contains(ip);
}
