using DualStack.Manifests.Configuration;
using DualStack.Manifests.Planning;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Tests.Planning;

/// <summary>Builds plans from YAML text, as <c>dslint plan</c> does from files.</summary>
internal static class PlanTestHelper
{
    public static AddressPlan Plan(string yaml, string? version = null, string path = "cluster.yaml") =>
        Run(yaml, version, path).Plan ?? throw new InvalidOperationException("no plan");

    public static PlanRun Run(string yaml, string? version = null, string path = "cluster.yaml") =>
        AddressPlanner.Plan([SourceFile.FromText(path, yaml)], Configuration(version));

    public static FixedConfiguration Configuration(string? version) => new(LintOptions.Default with
    {
        KubernetesVersion = version is null ? KubernetesVersion.Newest : Parse(version),
    });

    public static FamilyPlan Family(this AddressPlan plan, IpFamily family) => plan.FamilyPlans.Single(f => f.Family == family);

    private static KubernetesVersion Parse(string text) => KubernetesVersion.TryParse(text, out var v) ? v : throw new ArgumentException(text);
}
