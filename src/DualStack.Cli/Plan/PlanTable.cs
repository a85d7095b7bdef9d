using System.Globalization;
using DualStack.Manifests.Planning;
using DualStack.Rules.Net;

namespace DualStack.Cli.Plan;

/// <summary>A cell of the plan table; <see cref="Rule"/> names the DS3xxx rule when the value is a problem lint reports.</summary>
internal sealed record PlanCell(string Text, string? Rule = null, bool Problem = false)
{
    public static PlanCell None { get; } = new("—");
}

/// <summary>A row of the plan table: a label and one cell per family.</summary>
internal sealed record PlanRow(string Label, IReadOnlyList<PlanCell> Cells);

/// <summary>
/// The plan as a table with a column per family (primary first) and the lists below it — the content the text and
/// Markdown formats share, so they cannot disagree.
/// </summary>
internal static class PlanTable
{
    public static IReadOnlyList<string> Headers(AddressPlan plan) =>
        plan.FamilyPlans.Select(f => f.Family + (f.Primary && plan.FamilyPlans.Count > 1 ? " (primary)" : string.Empty)).ToList();

    public static string Title(AddressPlan plan)
    {
        var kind = plan.Families.IsDualStack ? $"dual-stack, {plan.Families.Primary} preferred" : $"single-stack {plan.Families.Primary}";
        return $"Address plan: {kind}";
    }

    public static string FamilyOrder(AddressPlan plan) => plan.FamiliesSource is { } source
        ? $"Family order {string.Join(",", plan.Families.Families)} from {Describe(source)}"
        : $"Family order {string.Join(",", plan.Families.Families)} (no file fixes it; the families of the ranges)";

    public static IReadOnlyList<PlanRow> Rows(AddressPlan plan)
    {
        var families = plan.FamilyPlans;
        var rows = new List<PlanRow>
        {
            Row("Pod range", families, f => f.Pods is { } p ? new PlanCell(string.Join(", ", p.Ranges.Select(RangeText))) : PlanCell.None),
            Row("Cut per node", families, f => f.Pods is { } p ? Cut(p.Allocation) : PlanCell.None),
            Row("Node ranges", families, f => f.Pods is { } p ? NodeRanges(p.Allocation) : PlanCell.None),
            Row("kubelet maxPods", families, f => f.Pods is { } p ? new PlanCell(p.MaxPods.ToString(CultureInfo.InvariantCulture) + (p.MaxPodsSource is { } s ? $" ({s.Field})" : " (default)")) : PlanCell.None),
            Row("Pods per node", families, f => f.Pods is { } p ? PodsPerNode(p) : PlanCell.None),
            Row("Nodes admitted", families, f => f.Pods is { } p ? Nodes(p) : PlanCell.None),
            Row("Service range", families, f => f.Service is { } s ? new PlanCell(RangeText(s.Range)) : PlanCell.None),
            Row("Service size limit", families, f => f.Service is { } s ? Limit(s) : PlanCell.None),
            Row("kubernetes Service", families, f => Taken(f, TakenPurpose.KubernetesService)),
            Row("Cluster DNS", families, f => Taken(f, TakenPurpose.ClusterDns)),
        };

        if (families.Any(f => f.Service?.ExtraRanges.Count > 0))
        {
            rows.Add(Row("ServiceCIDR objects", families, f => f.Service is { ExtraRanges.Count: > 0 } s ? new PlanCell(string.Join(", ", s.ExtraRanges.Select(RangeText))) : PlanCell.None));
        }

        if (families.Any(f => f.Pools.Count > 0))
        {
            rows.Add(Row("CNI pools", families, f => f.Pools.Count > 0 ? new PlanCell(string.Join(", ", f.Pools.Select(p => p.Cidr.ToString()))) : PlanCell.None));
        }

        return rows;
    }

    /// <summary>Node IPs, advertise addresses and certificate names, one line each.</summary>
    public static IReadOnlyList<string> NodeLines(AddressPlan plan)
    {
        var lines = new List<string>();
        lines.AddRange(plan.Nodes.NodeIps.Select(a => $"node IP {a.Address} ({a.Address.Family}, {Describe(a.Source)})"));
        lines.AddRange(plan.Nodes.AdvertiseAddresses.Select(a => $"advertise address {a.Address} ({a.Address.Family}, {Describe(a.Source)})"));
        lines.AddRange(plan.Nodes.Sans.Select(s => $"certificate name {s.Name} ({(s.Address is { } ip ? ip.Family.ToString() : "DNS")}, {Describe(s.Source)})"));
        return lines;
    }

    /// <summary>One line per overlap: what meets what, why it matters, and the rule.</summary>
    public static IReadOnlyList<PlanCell> OverlapLines(AddressPlan plan) => plan.Overlaps
        .Select(o => new PlanCell(
            $"{Name(o.First)} {Relation(o.Relation)} {Name(o.Second)}: {o.Meaning}"
                + (o.Rule is null ? " (no lint rule)" : o.ReportedByLint ? string.Empty : $" ({o.Rule} stays silent: tool defaults)"),
            o.Rule,
            !o.Expected))
        .ToList();

    /// <summary>The <c>--nodes</c>/<c>--pods-per-node</c> verdict, one line per family plus the changes.</summary>
    public static IReadOnlyList<PlanCell> FitLines(FitResult fit)
    {
        var lines = new List<PlanCell>
        {
            new($"{PlanNumbers.Count(fit.Nodes)} nodes × {PlanNumbers.Count(fit.PodsPerNode)} pods per node: {(fit.Fits ? "fits" : "does NOT fit")}", null, !fit.Fits),
        };
        foreach (var family in fit.Families)
        {
            lines.Add(new PlanCell(
                $"{family.Family}: {(family.Fits ? "fits" : "does not fit")}; room for {PlanNumbers.Count(family.NodeCapacity)} nodes × {PlanNumbers.Count(family.PodsPerNodeCapacity)} pods; binds first: {Limit(family.Binding)}",
                null,
                !family.Fits));
            lines.AddRange(family.Changes.Select(c => new PlanCell("  change: " + c, null, true)));
        }

        return lines;
    }

    public static string Describe(PlanSource? source) => source is null ? "built in" : source.IsDefault ? $"default of {source.Field}, {source.File}" : $"{source.Field}, {source.File}:{source.Line}";

    public static string RangeText(PlanRange range) =>
        $"{range.Cidr} ({PlanNumbers.Count(range.Size)} addresses{(range.Source?.IsDefault == true ? ", default" : string.Empty)})";

    private static PlanRow Row(string label, IReadOnlyList<FamilyPlan> families, Func<FamilyPlan, PlanCell> cell) =>
        new(label, families.Select(cell).ToList());

    private static PlanCell Cut(PodAllocation allocation) => allocation.Method switch
    {
        PodAllocationMethod.NodeCidr => new PlanCell($"node mask /{allocation.Mask}{(allocation.MaskSource is { IsDefault: false } s ? $" ({s.Field})" : " (default)")}, {allocation.Tool}"),
        PodAllocationMethod.CalicoBlock => new PlanCell($"/{allocation.Mask} blocks on demand, {allocation.Tool}"),
        _ => new PlanCell("not in the configuration (the CNI decides)"),
    };

    private static PlanCell NodeRanges(PodAllocation allocation)
    {
        if (allocation.Problem is { } problem)
        {
            return new PlanCell(problem, allocation.Rule, allocation.NodeRanges.IsZero);
        }

        return allocation.Method switch
        {
            PodAllocationMethod.NodeCidr => new PlanCell($"{PlanNumbers.Count(allocation.NodeRanges)} × {PlanNumbers.Count(allocation.AddressesPerRange)} addresses"),
            PodAllocationMethod.CalicoBlock => new PlanCell($"{PlanNumbers.Count(allocation.NodeRanges)} blocks × {PlanNumbers.Count(allocation.AddressesPerRange)} addresses"),
            _ => PlanCell.None,
        };
    }

    private static PlanCell PodsPerNode(PodPlan pods) => new(
        $"{PlanNumbers.Count(pods.PodsPerNode)} ({(pods.BindingLimit == PodLimit.MaxPods ? "maxPods binds" : "the node range binds")})");

    private static PlanCell Nodes(PodPlan pods) => pods.Allocation.Method switch
    {
        PodAllocationMethod.NodeCidr => new PlanCell(PlanNumbers.Count(pods.Nodes), pods.Nodes.IsZero ? pods.Allocation.Rule : null, pods.Nodes.IsZero),
        PodAllocationMethod.CalicoBlock => new PlanCell($"{PlanNumbers.Count(pods.Nodes)} at {PlanNumbers.Count(pods.PodsPerNode)} pods each"),
        _ => new PlanCell($"not fixed ({PlanNumbers.Count(pods.TotalAddresses)} pod addresses in all)"),
    };

    private static PlanCell Limit(ServicePlan service)
    {
        var limit = service.Limit;
        if (limit.TooLarge)
        {
            return new PlanCell($"too large: {limit.EnforcedBy} needs /{limit.MinPrefix} or longer (≤ 2^{limit.MaxHostBits})", limit.Rule, true);
        }

        if (limit.TooSmall)
        {
            return new PlanCell($"too small: at least {limit.MinAddresses} addresses", limit.Rule, true);
        }

        return limit.Enforced
            ? new PlanCell($"/{limit.MinPrefix} or longer (≤ 2^{limit.MaxHostBits}), {limit.EnforcedBy}: ok")
            : new PlanCell($"{limit.EnforcedBy} (/{limit.MinPrefix} or longer up to 1.33)");
    }

    private static PlanCell Taken(FamilyPlan family, TakenPurpose purpose) =>
        family.Service?.Taken.FirstOrDefault(t => t.Purpose == purpose) is { } taken
            ? new PlanCell($"{taken.Address} ({taken.Note})", taken.Rule, taken.Rule is not null)
            : PlanCell.None;

    private static string Name(PlanRange range) => range.Role switch
    {
        PlanRangeRole.Pod => $"pod range {range.Cidr}",
        PlanRangeRole.Service => $"service range {range.Cidr}",
        PlanRangeRole.ExtraService => $"ServiceCIDR {range.Name} {range.Cidr}",
        PlanRangeRole.CalicoPool => $"Calico pool {range.Cidr}",
        PlanRangeRole.CiliumPool => $"Cilium pool {range.Cidr}",
        PlanRangeRole.NodeAddress => $"{range.Name} {range.Cidr.Network}",
        _ => range.Name ?? range.Cidr.ToString(),
    };

    private static string Relation(OverlapRelation relation) => relation switch
    {
        OverlapRelation.Equal => "is the same as",
        OverlapRelation.Contains => "contains",
        _ => "lies in",
    };

    private static string Limit(FitLimit limit) => limit switch
    {
        FitLimit.NodeRanges => "the number of node ranges",
        FitLimit.NodeRangeAddresses => "the addresses of a node range",
        FitLimit.MaxPods => "kubelet maxPods",
        _ => "the pod range",
    };
}
