using DualStack.Manifests.Checks;
using DualStack.Manifests.Engine;
using DualStack.Manifests.Kubernetes;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Engine;

public sealed class InternalErrorTests
{
    [Fact]
    public void An_exception_in_a_check_is_DS0002_on_the_object_and_the_other_checks_still_run()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  ports: [{port: 80}]\n";
        var checks = CheckSet.Of(new ThrowingCheck(), new FakeSingleStackCheck());
        var findings = ManifestLinter.Lint([SourceFile.FromText("svc.yaml", text)], LintOptions.Default, checks).Findings;
        Assert.Equal(
            ["DS0002 1:1 ConfigMap/c", "DS0002 5:1 Service/a", "DS2005 8:1 Service/a"],
            findings.Select(f => $"{f.RuleId} {f.Line}:{f.Column} {f.Object}"));
        Assert.Equal(
            "internal error in check ThrowingCheck on Service/a: InvalidOperationException: boom; please report it",
            findings[1].Message);
    }

    [Fact]
    public void An_exception_in_a_run_check_is_DS0002_and_the_run_completes()
    {
        var checks = new CheckSet([], [], [new ThrowingRunCheck()]);
        var findings = ManifestLinter.Lint([SourceFile.FromText("a.yaml", "a: 1\n")], LintOptions.Default, checks).Findings;
        var finding = Assert.Single(findings);
        Assert.Equal(("DS0002", "a.yaml"), (finding.RuleId, finding.File));
        Assert.Equal("internal error in check ThrowingRunCheck: ArgumentException: bad; please report it", finding.Message);
    }

    [Fact]
    public void Registered_checks_survive_odd_shapes()
    {
        // Wrong YAML types everywhere a check might look: any exception would show up as DS0002.
        var text = """
            apiVersion: v1
            kind: Service
            metadata: [not, a, mapping]
            spec: just a string
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p, labels: [x]}
            spec: {containers: {name: x}, initContainers: [1, [2], ~]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec: {template: {spec: [1]}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: n}
            spec: {ingress: [{from: [{ipBlock: [1]}]}, ~, 3]}
            ---
            apiVersion: v1
            kind: List
            items: [1, ~, {apiVersion: v1}]
            """;
        var findings = ManifestTestHelper.Lint(text);
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.UnreadableInput);
    }

    [Fact]
    public void The_same_finding_reported_twice_is_output_once()
    {
        var text = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  ports: [{port: 80}]\n";
        var checks = CheckSet.Of(new FakeSingleStackCheck(), new FakeSingleStackCheck());
        Assert.Single(ManifestLinter.Lint([SourceFile.FromText("svc.yaml", text)], LintOptions.Default, checks).Findings);
    }

    private sealed class ThrowingRunCheck : IRunCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = [DualStack.Rules.RuleIds.DualStackServiceWithIPv4OnlyPods];

        public void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context) => throw new ArgumentException("bad");
    }
}
