using DualStack.Manifests.Checks;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Tests;

/// <summary>
/// Stand-in checks for engine tests (suppressions, fixes, internal errors), so they do not depend on the real DS2xxx
/// checks: a Service without <c>spec.ipFamilyPolicy</c> gets DS2005 on its <c>spec</c> key, with a fix that inserts
/// <c>ipFamilyPolicy: PreferDualStack</c> as the first line of <c>spec</c>.
/// </summary>
internal sealed class FakeSingleStackCheck : IObjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [DualStack.Rules.RuleIds.SingleStackServiceOnDualStackCluster];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (obj.Kind != "Service" || obj.Spec is not { } spec || spec.Get("ipFamilyPolicy") is not null || spec.Children.Count == 0)
        {
            return;
        }

        var firstKey = obj.Document.SpanOf(spec.Children[0].Key);
        var text = obj.Document.File.Text!;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, firstKey.Start - 1)) + 1;
        var indent = text.Substring(lineStart, firstKey.Start - lineStart);
        var fix = new TextEdit(lineStart, 0, indent + "ipFamilyPolicy: PreferDualStack\n", "insert \"ipFamilyPolicy: PreferDualStack\"");
        context.Report(RuleIds[0], obj, obj.Root.GetKey("spec")!, "spec.ipFamilyPolicy",
            "Service is single-stack: spec.ipFamilyPolicy is not set; set it to PreferDualStack", fix: fix);
    }
}

/// <summary>A check with a bug: throws on every object.</summary>
internal sealed class ThrowingCheck : IObjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [DualStack.Rules.RuleIds.SingleStackServiceOnDualStackCluster];

    public void Check(KubeObject obj, CheckContext context) => throw new InvalidOperationException("boom");
}
