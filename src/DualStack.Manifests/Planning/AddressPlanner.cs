using DualStack.Manifests.Cluster;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Planning;

/// <summary>
/// <c>dslint plan</c>'s engine entry point: loads the inputs as <c>lint</c> does, builds the same
/// <see cref="ClusterModel"/> with <see cref="ClusterModelBuilder"/>, and turns it into an <see cref="AddressPlan"/>.
/// Kubernetes objects are ignored except ServiceCIDR, whose ranges add service addresses.
/// </summary>
public static class AddressPlanner
{
    public static PlanRun Plan(IReadOnlyList<SourceFile> files, ILintConfiguration configuration)
    {
        var loaded = new LoadedFile[files.Count];
        Parallel.For(0, files.Count, i => loaded[i] = YamlLoader.Load(files[i]));
        var findings = loaded.SelectMany(f => f.Findings).ToList();
        findings.Sort(FindingOrder.Instance);

        var options = files.Count > 0 ? configuration.OptionsFor(files[0].Path) : LintOptions.Default;
        var model = ClusterModelBuilder.Build(loaded, options);
        var documents = loaded.Sum(f => f.Documents.Count);
        if (model.ConfigDocuments.Count == 0)
        {
            return new PlanRun(null, findings, files.Count, documents);
        }

        var extra = ServiceCidrObjects(loaded);
        return new PlanRun(Build(model, options.KubernetesVersion, extra), findings, files.Count, documents);
    }

    /// <summary>The plan of a cluster model; <paramref name="extraServiceRanges"/> are ServiceCIDR objects' ranges.</summary>
    public static AddressPlan Build(ClusterModel model, KubernetesVersion version, IReadOnlyList<PlanRange>? extraServiceRanges = null)
    {
        extraServiceRanges ??= [];
        var families = PlanFamilies(model);
        var familiesSource = model.FamiliesFromConfiguration
            ? model.ConfigDocuments.Select(d => d.Families?.Source).FirstOrDefault(s => s is not null) is { } source ? PlanSource.From(source) : null
            : null;

        var maxPods = model.ConfigDocuments.Select(d => d.MaxPods).FirstOrDefault(m => m is not null);
        var plans = families.Families
            .Select(family => new FamilyPlan(
                family,
                family == families.Primary,
                PodSide.Plan(model, family, maxPods),
                ServiceSide.Plan(model, family, family == families.Primary, version, extraServiceRanges),
                model.PoolCidrs.Where(p => p.Cidr.Family == family).Select(p => Range(p)).ToList()))
            .ToList();

        var nodes = new NodeAddresses(
            model.NodeIps.Select(n => new PlanAddress(n.Ip, PlanSource.From(n.Source))).ToList(),
            model.ConfigDocuments.Where(d => d.AdvertiseAddress?.Ip is not null)
                .Select(d => new PlanAddress(d.AdvertiseAddress!.Ip!.Value, PlanSource.From(d.AdvertiseAddress.Value))).ToList(),
            model.ConfigDocuments.SelectMany(d => d.Sans).Select(s => new PlanSan(s.Value.Text, s.Ip, PlanSource.From(s.Value))).ToList());

        return new AddressPlan(families, familiesSource, version, plans, nodes, PlanOverlaps.Find(model, plans, nodes), model.Sources.ToList());
    }

    /// <summary>Adds the answer to "do <paramref name="nodes"/> nodes with <paramref name="podsPerNode"/> pods each fit?".</summary>
    public static FitResult Fit(AddressPlan plan, long? nodes, long? podsPerNode)
    {
        plan.Fit = PlanFit.Evaluate(plan, nodes, podsPerNode);
        return plan.Fit;
    }

    internal static PlanRange Range(ModelCidr cidr) => new(cidr.Cidr, cidr.Role switch
    {
        Cluster.Config.RangeRole.Pod => PlanRangeRole.Pod,
        Cluster.Config.RangeRole.Service => PlanRangeRole.Service,
        Cluster.Config.RangeRole.CalicoPool => PlanRangeRole.CalicoPool,
        _ => PlanRangeRole.CiliumPool,
    }, PlanSource.From(cidr.Source));

    // The families the configuration fixes, primary first; when no file fixes them (only pools), the families of the
    // ranges in the order IPv4, IPv6.
    private static IpFamilies PlanFamilies(ClusterModel model)
    {
        if (model.FamiliesFromConfiguration)
        {
            return model.Families;
        }

        var present = model.PodCidrs.Concat(model.ServiceCidrs).Concat(model.PoolCidrs).Select(c => c.Cidr.Family).Distinct().OrderBy(f => f).ToList();
        return present.Count switch
        {
            0 => model.Families,
            1 => IpFamilies.Of(present[0]),
            _ => IpFamilies.Of(present[0], present[1]),
        };
    }

    private static List<PlanRange> ServiceCidrObjects(IEnumerable<LoadedFile> files)
    {
        var ranges = new List<PlanRange>();
        foreach (var document in files.SelectMany(f => f.Documents))
        {
            foreach (var obj in KubeObjectReader.Read(document).Where(o => o.Is("networking.k8s.io", "ServiceCIDR")))
            {
                var index = 0;
                foreach (var item in obj.Spec.Get("cidrs").Items())
                {
                    if (IpParser.TryParseCidrSloppy(item.AsString(), out var cidr))
                    {
                        var span = document.SpanOf(item);
                        ranges.Add(new PlanRange(cidr, PlanRangeRole.ExtraService, new PlanSource(document.File.Path, span.Line, span.Column, $"spec.cidrs[{index}]", false), obj.Reference));
                    }

                    index++;
                }
            }
        }

        return ranges;
    }
}

/// <summary>The plan of one run (null when no cluster configuration was among the inputs) and the DS0xxx findings of loading.</summary>
public sealed record PlanRun(AddressPlan? Plan, IReadOnlyList<Finding> InputFindings, int Files, int Documents);
