using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3014 on a kind <c>Cluster</c>: <c>networking.ipFamily</c> against the subnets (kind's <c>validate.go</c>), and a
/// single CIDR under <c>ipFamily: dual</c>, which kind accepts although the cluster then lacks a family.
/// </summary>
public sealed class DS3014KindClusterCheck : IObjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.FamilySettingContradictsRanges];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (!KindReader.Is(obj))
        {
            return;
        }

        var networking = obj.Root.Get("networking");
        var familyNode = networking.Get("ipFamily");
        var ipFamily = familyNode.AsString() ?? "ipv4";
        if (ipFamily is not ("ipv4" or "ipv6" or "dual"))
        {
            context.Report(Rules.RuleIds.FamilySettingContradictsRanges, obj.Document, familyNode!, KindReader.ObjectName, "networking.ipFamily",
                $"invalid ipFamily: {ipFamily}; expected ipv4, ipv6 or dual (lowercase)");
            return;
        }

        var config = KindReader.Read(obj);
        foreach (var setting in config.Ranges.Where(r => r.InModel && !r.Value.IsDefault))
        {
            var subnet = setting.Role == RangeRole.Pod ? "pod subnet" : "service subnet";
            var valid = setting.Items.Where(i => i.Cidr is not null).ToList();
            if (ipFamily == "dual")
            {
                if (setting.Items.Count == 1 && valid.Count == 1)
                {
                    var other = valid[0].Cidr!.Value.Family == IpFamily.IPv4 ? IpFamily.IPv6 : IpFamily.IPv4;
                    context.Report(Rules.RuleIds.FamilySettingContradictsRanges, valid[0].Value,
                        $"ipFamily is dual but the {subnet} \"{setting.Value.Text}\" has only an {valid[0].Cidr!.Value.Family} CIDR; kind accepts it, but the cluster gets no {other} {subnet} — add one",
                        Severity.Warning);
                }

                continue;
            }

            var expected = ipFamily == "ipv4" ? IpFamily.IPv4 : IpFamily.IPv6;
            if (setting.Items.Count > 1)
            {
                context.Report(Rules.RuleIds.FamilySettingContradictsRanges, setting.Items[1].Value,
                    $"invalid {subnet}: only one CIDR allowed for single-stack networking (ipFamily {ipFamily}); set ipFamily: dual for \"{setting.Value.Text}\"");
            }
            else if (valid.Count == 1 && valid[0].Cidr!.Value.Family != expected)
            {
                context.Report(Rules.RuleIds.FamilySettingContradictsRanges, valid[0].Value,
                    $"invalid {subnet}: expected {expected} CIDR for {expected} family (ipFamily {ipFamily}), got \"{valid[0].Value.Text}\"");
            }
        }
    }
}
