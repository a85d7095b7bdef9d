using DualStack.Manifests.Checks;
using DualStack.Manifests.Engine;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Engine;

/// <summary>The engine's fix-until-stable loop, with an in-memory store in place of a front end's file writer.</summary>
public sealed class FixLoopTests
{
    private const string Service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n";

    private const string Fixed =
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv4, IPv6]\n  selector:\n    app: web\n";

    [Fact]
    public void Fixes_that_overlap_settle_over_passes_and_a_second_run_changes_nothing()
    {
        var checks = CheckSet.Of(new FakeSingleStackCheck(), new InsertFamiliesCheck());
        var store = new Dictionary<int, string>();
        var outcome = Run([SourceFile.FromText("a.yaml", Service)], checks, _ => true, Store(store));

        // Both insertions target the first line of spec: ipFamilies wins the first pass (the applier's fixed order), the
        // policy, offered again on the re-lint, goes in on the second, again as the first line.
        Assert.Equal(Fixed, outcome.Sources[0].Text);
        Assert.Equal(Fixed, store[0]);
        Assert.Equal((2, 1), (outcome.Fixed, outcome.FilesChanged));
        Assert.DoesNotContain(outcome.Result.Findings, f => f.Fix is not null);

        var again = Run(outcome.Sources, checks, _ => true, (_, _, _) => throw new InvalidOperationException("nothing to store"));
        Assert.Equal((0, 0), (again.Fixed, again.FilesChanged));
    }

    [Fact]
    public void A_file_the_front_end_refuses_is_left_alone_and_reported_once()
    {
        var writes = 0;
        var outcome = Run([SourceFile.FromText("a.yaml", Service)], CheckSet.Of(new FakeSingleStackCheck(), new InsertFamiliesCheck()), _ => true,
            (_, _, _) => { writes++; return "the file is read-only"; });

        Assert.Equal(1, writes);
        Assert.Equal(("a.yaml", "the file is read-only"), (Assert.Single(outcome.NotFixed).File.Path, outcome.NotFixed[0].Reason));
        Assert.Equal(Service, outcome.Sources[0].Text);
        Assert.Equal((0, 0), (outcome.Fixed, outcome.FilesChanged));
        Assert.Equal(2, outcome.Result.Findings.Count(f => f.Fix is not null));
    }

    [Fact]
    public void Inputs_that_cannot_be_changed_are_skipped_silently()
    {
        var files = new[] { SourceFile.FromText("<stdin>", Service), SourceFile.FromText("b.yaml", Service) };
        var store = new Dictionary<int, string>();
        var outcome = Run(files, CheckSet.Of(new FakeSingleStackCheck()), index => index != 0, Store(store));

        Assert.Equal([1], store.Keys);
        Assert.Equal(Service, outcome.Sources[0].Text);
        Assert.Empty(outcome.NotFixed);
        Assert.Equal((1, 1), (outcome.Fixed, outcome.FilesChanged));
    }

    [Fact]
    public void Fixes_that_never_settle_stop_after_the_last_pass()
    {
        var writes = 0;
        var outcome = Run([SourceFile.FromText("a.yaml", Service)], CheckSet.Of(new AlwaysPrependCheck()), _ => true,
            (_, _, _) => { writes++; return null; });

        Assert.Equal(FixLoop.MaxPasses, writes);
        Assert.StartsWith(string.Concat(Enumerable.Repeat("# again\n", FixLoop.MaxPasses)), outcome.Sources[0].Text, StringComparison.Ordinal);
    }

    private static FixLoopResult Run(IReadOnlyList<SourceFile> files, CheckSet checks, Func<int, bool> canFix, FixLoop.FixedTextWriter write)
    {
        LintResult Lint(IReadOnlyList<SourceFile> f) => ManifestLinter.Lint(f, LintOptions.Default, checks);
        return FixLoop.Run(files, Lint(files), Lint, canFix, write);
    }

    private static FixLoop.FixedTextWriter Store(Dictionary<int, string> store) => (index, _, newText) =>
    {
        store[index] = newText;
        return null;
    };

    /// <summary>Inserts <c>ipFamilies</c> as the first line of <c>spec</c>: the same offset as <see cref="FakeSingleStackCheck"/>'s fix.</summary>
    private sealed class InsertFamiliesCheck : IObjectCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = [DualStack.Rules.RuleIds.InvalidIpFamilies];

        public void Check(KubeObject obj, CheckContext context)
        {
            if (obj.Kind != "Service" || obj.Spec is not { } spec || spec.Get("ipFamilies") is not null || spec.Children.Count == 0)
            {
                return;
            }

            var start = obj.Document.SpanOf(spec.Children[0].Key).Start;
            var lineStart = obj.Document.File.Text!.LastIndexOf('\n', start - 1) + 1;
            context.Report(RuleIds[0], obj, obj.Root.GetKey("spec")!, "spec.ipFamilies", "no ipFamilies",
                fix: new TextEdit(lineStart, 0, "  ipFamilies: [IPv4, IPv6]\n", "insert ipFamilies"));
        }
    }

    /// <summary>A fix that is offered again after every pass (a buggy rule): the loop must still end.</summary>
    private sealed class AlwaysPrependCheck : IObjectCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = [DualStack.Rules.RuleIds.InvalidIpFamilies];

        public void Check(KubeObject obj, CheckContext context) =>
            context.Report(RuleIds[0], obj, obj.Root.GetKey("kind")!, "kind", "again", fix: new TextEdit(0, 0, "# again\n", "prepend"));
    }
}
