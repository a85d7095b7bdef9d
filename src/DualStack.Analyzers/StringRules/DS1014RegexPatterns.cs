using System.Text.RegularExpressions;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// DS1014's test of a regular expression: run it on IPv4 and IPv6 samples (whole-string match, with and without a
/// port) instead of reading it. Shared by the analyzer of <c>Regex</c> uses and the one of <c>[GeneratedRegex]</c>.
/// </summary>
internal static class DS1014RegexPatterns
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public enum Kind
    {
        NotIPv4Only,
        LooseIPv4Only,
        StrictIPv4Only,
    }

    /// <summary>A strict octet pattern (rejects 256.1.1.1) is reported anywhere; a loose one only where a name says address.</summary>
    public static bool IsReported(Kind kind, bool namedLikeAddress) =>
        kind == Kind.StrictIPv4Only || (kind == Kind.LooseIPv4Only && namedLikeAddress);

    public static Kind Classify(string pattern, RegexOptions options)
    {
        try
        {
            var safeOptions = (options & (RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture))
                | RegexOptions.CultureInvariant;
            var regex = new Regex("^(?:" + pattern + ")$", safeOptions, MatchTimeout);
            bool Any(params string[] samples) => samples.Any(regex.IsMatch);

            var acceptsIPv4 = Any("192.168.1.1", "192.168.1.1:8080") && Any("10.0.0.255", "10.0.0.255:80");
            if (!acceptsIPv4 || Any("::1", "[::1]:8080", "2001:db8::1", "fe80::1", "::ffff:10.0.0.1") || Any("1.2.3", "1.2.3.4.5", "a.b.c.d"))
            {
                return Kind.NotIPv4Only;
            }

            return Any("256.1.1.1", "999.1.1.1", "256.1.1.1:80") ? Kind.LooseIPv4Only : Kind.StrictIPv4Only;
        }
        catch (ArgumentException)
        {
            return Kind.NotIPv4Only;
        }
        catch (RegexMatchTimeoutException)
        {
            return Kind.NotIPv4Only;
        }
    }

    public static string Describe(string pattern) =>
        "The pattern \"" + (pattern.Length > 60 ? pattern.Substring(0, 57) + "..." : pattern) + "\"";
}
