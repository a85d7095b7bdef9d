namespace DualStack.Rules.Net;

/// <summary>An IP family as Kubernetes names it (<c>ipFamilies: [IPv4, IPv6]</c>).</summary>
public enum IpFamily
{
    IPv4 = 4,
    IPv6 = 6,
}
