using System.Globalization;
using DualStack.Manifests.Cluster;
using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Kubernetes;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3001 (CIDR lists parse), DS3002 (range sizes) and DS3011 (special-purpose ranges) on every CIDR list of every
/// recognised cluster configuration document of the run, whatever its format.
/// </summary>
public sealed class DS3001DS3002DS3011CidrListCheck : IRunCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.MalformedCidrList, Rules.RuleIds.RangeSize, Rules.RuleIds.SpecialPurposeRange];

    public void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context)
    {
        foreach (var config in context.Cluster.ConfigDocuments)
        {
            foreach (var setting in config.Ranges)
            {
                if (!setting.Value.IsDefault)
                {
                    CheckList(setting, context);
                }
            }
        }
    }

    private static void CheckList(CidrListSetting setting, RunCheckContext context)
    {
        var whole = setting.Value;
        if (setting.Items.Count == 0 || setting.Items.All(i => i.Value.Text.Trim().Length == 0))
        {
            context.Report(Rules.RuleIds.MalformedCidrList, whole, $"{whole.Field} is empty; expected a CIDR such as {Example(setting)}");
            return;
        }

        foreach (var item in setting.Items)
        {
            if (item.LeadingSpace)
            {
                context.Report(Rules.RuleIds.MalformedCidrList, item.Value,
                    $"\"{whole.Text}\" has a space after the comma; {Tool(setting)} splits the list on \",\" without trimming, so \" {item.Value.Text}\" is not a valid CIDR; write \"{string.Join(",", setting.Items.Select(i => i.Value.Text.Trim()))}\"");
            }
            else if (item.Cidr is null)
            {
                var text = item.Value.Text;
                context.Report(Rules.RuleIds.MalformedCidrList, item.Value, text.Trim().Length == 0
                    ? $"\"{whole.Text}\" has an empty entry; expected CIDRs separated by single commas"
                    : $"\"{text}\" in {whole.Field} is not a valid CIDR{ToolError(setting)}; expected e.g. {Example(setting)}");
            }
            else if (setting.ExpectedFamily is { } expected && item.Cidr.Value.Family != expected)
            {
                context.Report(Rules.RuleIds.MalformedCidrList, item.Value,
                    $"{setting.FlagName} \"{item.Value.Text}\" is an {item.Cidr.Value.Family} CIDR; expected an {expected} CIDR");
            }
            else if (item.Cidr.Value.HasHostBits && setting.Validator != RangeValidator.Calico)
            {
                context.Report(Rules.RuleIds.MalformedCidrList, item.Value,
                    $"\"{item.Value.Text}\" has bits set beyond the /{item.Cidr.Value.FamilyPrefixLength} prefix; {Tool(setting)} silently uses {item.Cidr.Value}, write that",
                    Severity.Warning);
            }
        }

        CheckCount(setting, context);
        CheckSizes(setting, context);
        CheckSpecial(setting, context);
    }

    private static void CheckCount(CidrListSetting setting, RunCheckContext context)
    {
        var items = setting.Items;
        if (!setting.AllowsPair && items.Count > 1)
        {
            context.Report(Rules.RuleIds.MalformedCidrList, items[1].Value,
                $"{setting.FlagName} takes a single CIDR, got \"{setting.Value.Text}\"; {Tool(setting)} does not split it");
            return;
        }

        // The list rules are DualStackList's (strings.Split count, one CIDR per family); the wording is the tools'.
        foreach (var problem in setting.List.Problems)
        {
            if (problem.Kind == DualStackListProblemKind.TooManyEntries)
            {
                context.Report(Rules.RuleIds.MalformedCidrList, items[problem.Index].Value,
                    $"\"{setting.Value.Text}\" has {items.Count} entries; expected one (IPv4 or IPv6) CIDR or two CIDRs from each family for dual-stack networking");
            }
            else if (problem.Kind == DualStackListProblemKind.SameFamily)
            {
                context.Report(Rules.RuleIds.MalformedCidrList, items[problem.Index].Value,
                    $"\"{setting.Value.Text}\" holds two {items[0].Cidr!.Value.Family} CIDRs; a dual-stack list needs one IPv4 and one IPv6 CIDR");
            }
        }
    }

    private static void CheckSizes(CidrListSetting setting, RunCheckContext context)
    {
        var kubeadm = setting.Validator == RangeValidator.Kubeadm;
        for (var i = 0; i < setting.Items.Count && i < 2; i++)
        {
            if (setting.Items[i].Cidr is not { } cidr)
            {
                continue;
            }

            var item = setting.Items[i].Value;
            var bits = cidr.Network.BitLength;
            var size = cidr.Size;
            if (setting.Role == RangeRole.Service)
            {
                var limited = RangeLimits.ServiceSizeLimited(setting.Validator, context.For(item.Path).KubernetesVersion);
                if (limited && cidr.HostBits > RangeLimits.MaxServiceHostBits)
                {
                    var message = kubeadm
                        ? $"specified service subnet is too large; for {bits}-bit addresses, the mask must be >= {bits - 20} (\"{item.Text}\")"
                        : $"specified {Flag(setting, i)} is too large; for {bits}-bit addresses, the mask must be >= {bits - 20} (\"{item.Text}\"; the limit applies up to Kubernetes 1.33)";
                    context.Report(Rules.RuleIds.RangeSize, item, message);
                }
                else if (i == 0 && size < RangeLimits.MinPrimaryServiceAddresses)
                {
                    context.Report(Rules.RuleIds.RangeSize, item,
                        $"the service cluster IP range must be at least {RangeLimits.MinPrimaryServiceAddresses} IP addresses; \"{item.Text}\" has {size}");
                }
                else if (kubeadm && size < RangeLimits.KubeadmMinServiceAddresses)
                {
                    context.Report(Rules.RuleIds.RangeSize, item,
                        $"subnet with {size} address(es) is too small, the minimum is {RangeLimits.KubeadmMinServiceAddresses} (\"{item.Text}\"; kubeadm needs the 10th address for DNS)");
                }
            }
            else if (setting.Role == RangeRole.Pod && kubeadm && size < RangeLimits.KubeadmMinPodAddresses)
            {
                context.Report(Rules.RuleIds.RangeSize, item,
                    $"subnet with {size} address(es) is too small, the minimum is {RangeLimits.KubeadmMinPodAddresses} (\"{item.Text}\")");
            }
        }
    }

    private static void CheckSpecial(CidrListSetting setting, RunCheckContext context)
    {
        foreach (var item in setting.Items)
        {
            if (item.Cidr is not { } cidr || FirstReported(cidr) is not { } special)
            {
                continue;
            }

            var what = setting.Role switch
            {
                RangeRole.Pod => "pod range",
                RangeRole.Service => "service range",
                _ => "pool",
            };
            var linkLocal = special.Kind == SpecialRangeKind.LinkLocalUnicast;
            var severity = linkLocal
                ? (setting.Validator == RangeValidator.Calico ? Severity.Error : Severity.Warning)
                : (Severity?)null;
            var advice = linkLocal
                ? "link-local addresses are not routed beyond one link"
                : cidr.Family == IpFamily.IPv6
                    ? "use a unique local range (fd00::/8) or addresses you own"
                    : "use a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) or addresses you own";
            context.Report(Rules.RuleIds.SpecialPurposeRange, item.Value,
                $"{what} \"{item.Value.Text}\" overlaps {special.Name}; {advice}", severity);
        }
    }

    /// <summary>The first special range (in <see cref="SpecialRanges.All"/> order) of a kind DS3011 reports that the CIDR overlaps.</summary>
    private static SpecialRange? FirstReported(IpCidr cidr) =>
        SpecialRanges.Classify(cidr).Select(m => m.Range).FirstOrDefault(r => ReportedKinds.Contains(r.Kind));

    private static readonly SpecialRangeKind[] ReportedKinds =
    [
        SpecialRangeKind.LinkLocalUnicast,
        SpecialRangeKind.Documentation,
        SpecialRangeKind.SiteLocal,
        SpecialRangeKind.UniqueLocalUndefined,
    ];

    private static string Flag(CidrListSetting setting, int index)
    {
        var flag = setting.FlagName.StartsWith("--", StringComparison.Ordinal) ? setting.FlagName : "--service-cluster-ip-range";
        return index == 0 ? flag : $"{flag}[{index.ToString(CultureInfo.InvariantCulture)}]";
    }

    private static string Tool(CidrListSetting setting) => setting.Validator switch
    {
        RangeValidator.Kubeadm => "kubeadm",
        RangeValidator.Calico => "Calico",
        RangeValidator.Cilium => "Cilium",
        _ => "the Kubernetes components",
    };

    private static string ToolError(CidrListSetting setting) => setting.Validator switch
    {
        RangeValidator.Kubeadm => " (kubeadm: \"couldn't parse subnet\")",
        RangeValidator.Calico => " (Calico: \"IPPool CIDR must be a valid subnet\")",
        _ => string.Empty,
    };

    private static string Example(CidrListSetting setting) => setting.ExpectedFamily switch
    {
        IpFamily.IPv6 => "fd00:10:244::/56",
        IpFamily.IPv4 => "10.244.0.0/16",
        _ => setting.AllowsPair ? "10.244.0.0/16,fd00:10:244::/56" : "10.244.0.0/16",
    };
}
