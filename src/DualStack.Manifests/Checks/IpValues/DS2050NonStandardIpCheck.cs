using System.Globalization;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.IpValues;

/// <summary>
/// DS2050: values of legacy IP/CIDR fields that the sloppy parser accepts but the strict layer does not (leading
/// zeros, IPv4-mapped IPv6, bits beyond the prefix): errors once StrictIPCIDRValidation is on (1.36), the API server's
/// warnings before; and non-canonical IPv6, which the API server only warns about (info). Values the sloppy parser
/// rejects are left to the field's own rule (DS2003, DS2009, DS2010, DS2020, DS2040, DS2042), so nothing is reported twice.
/// </summary>
public sealed class DS2050NonStandardIpCheck : IObjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.NonStandardIpOrCidr];

    public void Check(KubeObject obj, CheckContext context)
    {
        var strict = context.KubernetesVersion >= KubernetesVersion.StrictIpValidation;
        foreach (var field in DS2050LegacyIpFields.Of(obj))
        {
            if (field.Node.AsString() is null)
            {
                continue;
            }

            var finding = field.Kind == LegacyValueKind.Ip
                ? ForIp(field, strict, context.KubernetesVersion)
                : ForCidr(field, strict, context.KubernetesVersion);
            if (finding is { } f)
            {
                var fix = ScalarEdit.Replace(obj.Document, field.Node, field.Value, f.Canonical, $"replace \"{field.Value}\" with \"{f.Canonical}\"", field.Item is null ? null : field.ItemStart);
                var path = f.Severity == Severity.Error ? field.ErrorPath ?? field.Path : field.Path;
                context.Report(Rules.RuleIds.NonStandardIpOrCidr, obj, field.Node, path, f.Message, f.Severity, fix);
            }
        }
    }

    private static (string Message, Severity Severity, string Canonical)? ForIp(DS2050LegacyIpField field, bool strict, KubernetesVersion version)
    {
        var value = field.Value;
        var parsed = IpParser.ParseIp(value, strict: true);
        if (!parsed.HasValue)
        {
            return null;
        }

        var canonical = parsed.Value.ToString();
        var warnings = Warnings(KubernetesIpValidation.GetWarningsForIp, field, version);
        if (parsed.Problem is IpProblem.None)
        {
            // Only the RFC 5952 warning can remain: the API server accepts the value in every version.
            return warnings.Count == 0 ? null : (warnings[0], Severity.Info, canonical);
        }

        if (strict && field.Validated)
        {
            return (ApiError.Invalid(value, parsed.Message!) + $"; use \"{canonical}\"", Severity.Error, canonical);
        }

        var message = warnings.Count > 0 ? string.Join("; ", warnings) : $"non-standard IP address \"{value}\": use \"{canonical}\"";
        return (message + RejectedFrom136(field, parsed.Message!), Severity.Warning, canonical);
    }

    private static (string Message, Severity Severity, string Canonical)? ForCidr(DS2050LegacyIpField field, bool strict, KubernetesVersion version)
    {
        var value = field.Value;
        var parsed = IpParser.ParseCidr(value, strict: true);
        if (!parsed.HasValue)
        {
            return null;
        }

        var cidr = parsed.Value;
        var network = cidr.ToString();
        var warnings = Warnings(KubernetesIpValidation.GetWarningsForCidr, field, version);
        if (parsed.Problem is IpProblem.None)
        {
            return warnings.Count == 0 ? null : (warnings[0], Severity.Info, network);
        }

        if (strict && field.Validated)
        {
            var message = ApiError.Invalid(value, parsed.Message!) + $"; use \"{network}\"";
            if (cidr.HasHostBits)
            {
                message += $" (or \"{SingleAddress(cidr)}\" if the single address was meant)";
            }

            return (message, Severity.Error, network);
        }

        var warning = warnings.Count > 0
            ? string.Join("; ", warnings)
            : cidr.HasHostBits
                ? $"CIDR value \"{value}\" has bits set beyond the prefix length: use \"{network}\" (or \"{SingleAddress(cidr)}\" if the single address was meant)"
                : $"non-standard CIDR value \"{value}\": use \"{network}\"";
        return (warning + RejectedFrom136(field, parsed.Message!), Severity.Warning, network);
    }

    // The API server computes warnings on the value as written; for trimmed fields with surrounding spaces that gives
    // none (the untrimmed text does not parse), so the trimmed value's warnings stand in for them.
    private static IReadOnlyList<string> Warnings(
        Func<string?, KubernetesVersion, IReadOnlyList<string>> compute, DS2050LegacyIpField field, KubernetesVersion version)
    {
        if (!field.Warned)
        {
            return [];
        }

        var warnings = compute(field.Node.Value, version);
        return warnings.Count == 0 && field.Trimmed ? compute(field.Value, version) : warnings;
    }

    // The single-address alternative in the family's own bits: an IPv4-mapped value prints as IPv4, so /32 (Go's own
    // warning says /128 there, which would not be what was meant).
    private static string SingleAddress(IpCidr cidr) =>
        cidr.Address + "/" + cidr.Address.BitLength.ToString(CultureInfo.InvariantCulture);

    // Says what changes with the strict gate, for fields the API server validates (loadBalancerIP is never rejected).
    private static string RejectedFrom136(DS2050LegacyIpField field, string detail) =>
        field.Validated ? $" (Kubernetes 1.36 rejects it: \"{detail}\")" : string.Empty;
}
