using DualStack.Rules.Net;

namespace DualStack.Rules.Listening;

/// <summary>What a listen host means: the IPv4 wildcard, the IPv6 wildcard, Kestrel's any-host, or something else.</summary>
public static class ListenHosts
{
    /// <summary>The IPv4 wildcard as programs and people write it.</summary>
    public const string IPv4Wildcard = "0.0.0.0";

    /// <summary>
    /// Classifies a host as written in a URL or an option (<c>0.0.0.0</c>, <c>[::]</c>, <c>::</c>, <c>*</c>).
    /// Only the exact text <c>0.0.0.0</c> is the IPv4 wildcard: other spellings (<c>0</c>, <c>000.0.0.0</c>) are
    /// read differently by different programs, and a rule that guesses would be noisy.
    /// </summary>
    public static ListenHostKind Classify(string? host)
    {
        if (host is null || host.Length == 0)
        {
            return ListenHostKind.Other;
        }

        if (host == IPv4Wildcard)
        {
            return ListenHostKind.IPv4Wildcard;
        }

        if (host is "*" or "+")
        {
            return ListenHostKind.AnyHost;
        }

        var bare = host.Length > 2 && host[0] == '[' && host[host.Length - 1] == ']' ? host.Substring(1, host.Length - 2) : host;
        return bare.IndexOf(':') >= 0 && IpParser.TryParseSloppy(bare, out var address) && address.Family == IpFamily.IPv6 && address.IsUnspecified
            ? ListenHostKind.IPv6Wildcard
            : ListenHostKind.Other;
    }
}
