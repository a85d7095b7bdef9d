using DualStack.Manifests.Engine;
using DualStack.Manifests.Planning;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Planning;

/// <summary>
/// Every configuration of <c>shared/corpus/cluster-config/</c> gets a plan, and the plan agrees with <c>lint</c> on the
/// same file: the same model sources, and every problem the plan marks with a rule is a finding of that rule at the
/// same place (and the other way round for overlaps, sizes, node masks, DNS and the API server certificate).
/// </summary>
public sealed class CorpusPlanTests
{
    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        if (RepositoryPaths.Shared is null)
        {
            data.Add("(no shared folder)", "1.36");
            return data;
        }

        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.InShared("corpus", "cluster-config")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path), "1.33");
            data.Add(Path.GetFileName(path), "1.36");
        }

        return data;
    }

    [SharedTheory]
    [MemberData(nameof(Files))]
    public void Plan_is_built_and_agrees_with_lint(string name, string version)
    {
        var source = SourceFileReader.Default.Read(RepositoryPaths.InShared("corpus", "cluster-config", name), name);
        var configuration = PlanTestHelper.Configuration(version);
        var run = AddressPlanner.Plan([source], configuration);
        var lint = ManifestLinter.Lint([source], configuration);

        if (run.Plan is not { } plan)
        {
            // Not a configuration the engine reads (a .nix file, an args file, an env file): lint builds no model either.
            Assert.Empty(lint.ClusterModelSources);
            Assert.DoesNotContain(lint.Findings, f => f.RuleId.StartsWith("DS3", StringComparison.Ordinal));
            return;
        }

        Assert.NotEmpty(plan.FamilyPlans);
        Assert.Equal(lint.ClusterModelSources, plan.Sources);
        AgreeOnOverlaps(plan, lint);
        AgreeOnServiceSizes(plan, lint);
        AgreeOnNodeMasks(plan, lint);
        AgreeOnTakenAddresses(plan, lint);
    }

    private static void AgreeOnOverlaps(AddressPlan plan, LintResult lint)
    {
        foreach (var overlap in plan.Overlaps.Where(o => o.ReportedByLint))
        {
            Assert.True(
                At(lint, overlap.Rule!, overlap.First.Source) || At(lint, overlap.Rule!, overlap.Second.Source),
                $"lint has no {overlap.Rule} for {overlap.First.Cidr} / {overlap.Second.Cidr}");
        }

        foreach (var finding in lint.Findings.Where(f => f.RuleId == RuleIds.OverlappingRanges))
        {
            Assert.Contains(plan.Overlaps, o => o.Rule == RuleIds.OverlappingRanges && o.ReportedByLint && (Is(finding, o.First.Source) || Is(finding, o.Second.Source)));
        }
    }

    private static void AgreeOnServiceSizes(AddressPlan plan, LintResult lint)
    {
        foreach (var service in plan.FamilyPlans.Select(f => f.Service).OfType<ServicePlan>().Where(s => s.Range.Source is { IsDefault: false }))
        {
            var broken = service.Limit.TooLarge || service.Limit.TooSmall;
            Assert.True(broken == At(lint, RuleIds.RangeSize, service.Range.Source), $"plan and lint disagree on the size of {service.Range.Cidr}");
        }
    }

    private static void AgreeOnNodeMasks(AddressPlan plan, LintResult lint)
    {
        foreach (var pods in plan.FamilyPlans.Select(f => f.Pods).OfType<PodPlan>().Where(p => p.Allocation.Method == PodAllocationMethod.NodeCidr))
        {
            var range = pods.Ranges[0];
            Assert.True(
                (pods.Allocation.Rule == RuleIds.PodRangeVsNodeMask) == At(lint, RuleIds.PodRangeVsNodeMask, range.Source),
                $"plan and lint disagree on the node mask of {range.Cidr}");
        }
    }

    private static void AgreeOnTakenAddresses(AddressPlan plan, LintResult lint)
    {
        var taken = plan.FamilyPlans.SelectMany(f => f.Service?.Taken ?? []).ToList();
        var dnsOutside = taken.Any(t => t.Rule == RuleIds.DnsIpOutsideServiceRange);
        Assert.Equal(dnsOutside, lint.Findings.Any(f => f.RuleId == RuleIds.DnsIpOutsideServiceRange));
        var sanMissing = taken.Any(t => t.Rule == RuleIds.MicroK8sSettingsDisagree);
        Assert.Equal(sanMissing, lint.Findings.Any(f => f.RuleId == RuleIds.MicroK8sSettingsDisagree && f.Message.Contains("is missing from the API server certificate", StringComparison.Ordinal)));
    }

    private static bool At(LintResult lint, string rule, PlanSource? source) =>
        lint.Findings.Any(f => f.RuleId == rule && Is(f, source));

    private static bool Is(Finding finding, PlanSource? source) =>
        source is { IsDefault: false } && finding.File == source.File && finding.Line == source.Line && finding.Column == source.Column;
}
