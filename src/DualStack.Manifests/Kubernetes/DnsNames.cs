using System.Text.RegularExpressions;

namespace DualStack.Manifests.Kubernetes;

/// <summary>
/// apimachinery's DNS name checks (<c>IsDNS1123Label</c>, <c>IsDNS1123Subdomain</c>,
/// <c>IsFullyQualifiedDomainName</c>) with their exact messages, so findings read like the API server's 422.
/// </summary>
internal static class DnsNames
{
    private const string LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string SubdomainFmt = LabelFmt + "(\\." + LabelFmt + ")*";
    private const string LabelErrMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string SubdomainErrMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    // Go's regexp has no culture and '$' matches only at the very end: \z here, so "a\n" is not a label.
    private static readonly Regex Label = new("^" + LabelFmt + "\\z", RegexOptions.CultureInvariant);
    private static readonly Regex Subdomain = new("^" + SubdomainFmt + "\\z", RegexOptions.CultureInvariant);

    /// <summary><c>IsDNS1123Label</c>: at most 63 characters of the label alphabet.</summary>
    public static IReadOnlyList<string> Dns1123Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add(MaxLenError(63));
        }

        if (!Label.IsMatch(value))
        {
            errors.Add(Subdomain.IsMatch(value) ? "must not contain dots" : RegexError(LabelErrMsg, LabelFmt, "my-name", "123-abc"));
        }

        return errors;
    }

    /// <summary><c>IsDNS1123Subdomain</c>: at most 253 characters, dot-separated labels.</summary>
    public static IReadOnlyList<string> Dns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253)
        {
            errors.Add(MaxLenError(253));
        }

        if (!Subdomain.IsMatch(value))
        {
            errors.Add(RegexError(SubdomainErrMsg, SubdomainFmt, "example.com"));
        }

        return errors;
    }

    /// <summary>
    /// <c>IsFullyQualifiedDomainName</c>: one trailing dot is dropped, then the name must be a DNS-1123 subdomain of at
    /// least two labels, each a DNS-1123 label. Returns the value the API server prints (the name without the trailing
    /// dot, or the offending label) and the detail, or null when the name is fine. "" is a Required error upstream:
    /// returned as the value "" with a null detail.
    /// </summary>
    public static (string Value, string? Detail)? FullyQualifiedDomainNameError(string name)
    {
        if (name.Length == 0)
        {
            return (string.Empty, null);
        }

        if (name.EndsWith(".", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - 1);
        }

        var errors = Dns1123Subdomain(name);
        if (errors.Count > 0)
        {
            return (name, string.Join(",", errors));
        }

        var labels = name.Split('.');
        if (labels.Length < 2)
        {
            return (name, "should be a domain with at least two segments separated by dots");
        }

        foreach (var label in labels)
        {
            var labelErrors = Dns1123Label(label);
            if (labelErrors.Count > 0)
            {
                return (label, string.Join(",", labelErrors));
            }
        }

        return null;
    }

    private static string MaxLenError(int length) => $"must be no more than {length} characters";

    private static string RegexError(string message, string format, params string[] examples) =>
        message + " (e.g. " + string.Concat(examples.Select((e, i) => (i > 0 ? " or " : string.Empty) + "'" + e + "', ")) + "regex used for validation is '" + format + "')";
}
