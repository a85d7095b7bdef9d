using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Engine;

public sealed class FixApplierTests
{
    [Fact]
    public void Applies_non_overlapping_edits_whatever_their_order()
    {
        var edits = new[]
        {
            new TextEdit(10, 3, "C", "c"),
            new TextEdit(0, 1, "A", "a"),
            new TextEdit(5, 0, "+", "insert"),
        };
        Assert.Equal("Abcde+fghijCnop", FixApplier.Apply("abcdefghijklmnop", edits));
        Assert.Equal("Abcde+fghijCnop", FixApplier.Apply("abcdefghijklmnop", edits.Reverse()));
    }

    [Fact]
    public void Overlapping_edits_are_skipped_deterministically()
    {
        var first = new TextEdit(2, 4, "X", "x");
        var overlapping = new TextEdit(4, 4, "Y", "y");
        var sameStartInsert = new TextEdit(2, 0, "I", "insert");
        var result = FixApplier.Apply("0123456789", [overlapping, first, sameStartInsert], out var skipped);

        // Ordered by start then length: the insertion at 2 comes first and wins over the replacement starting there;
        // with that replacement skipped, the one at 4 no longer overlaps anything.
        Assert.Equal("01I23Y89", result);
        Assert.Equal([first], skipped);
        Assert.Equal(result, FixApplier.Apply("0123456789", [sameStartInsert, first, overlapping]));
    }

    [Fact]
    public void An_insertion_at_the_end_of_a_replacement_is_not_an_overlap()
    {
        var result = FixApplier.Apply("abcdef", [new TextEdit(0, 3, "XYZ", "r"), new TextEdit(3, 0, "-", "i")], out var skipped);
        Assert.Equal("XYZ-def", result);
        Assert.Empty(skipped);
    }

    [Fact]
    public void The_same_edit_from_two_findings_is_applied_once()
    {
        var a = new TextEdit(3, 0, "ipFamilyPolicy: PreferDualStack\n", "from DS2005");
        var b = a with { Description = "from DS2004" };
        Assert.Equal("abcipFamilyPolicy: PreferDualStack\ndef", FixApplier.Apply("abcdef", [a, b], out var skipped));
        Assert.Empty(skipped);
    }

    [Fact]
    public void Out_of_range_edits_are_skipped()
    {
        Assert.Equal("abc", FixApplier.Apply("abc", [new TextEdit(2, 5, "x", "too long"), new TextEdit(-1, 0, "x", "negative")], out var skipped));
        Assert.Equal(2, skipped.Count);
    }

    [Fact]
    public void Fixing_then_linting_again_finds_nothing_left_to_fix()
    {
        var text = """
            apiVersion: v1
            kind: Service
            metadata: {name: a}
            spec:
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata: {name: b}
              spec:
                selector: {app: b}
            """;
        var checks = CheckSet.Of(new FakeSingleStackCheck());
        var first = ManifestLinter.Lint([SourceFile.FromText("svc.yaml", text)], LintOptions.Default, checks).Findings;
        Assert.Equal(2, first.Count(f => f.Fix is not null));

        var fixedText = FixApplier.Apply(text, first.Select(f => f.Fix!).Where(f => f is not null));
        Assert.Contains("spec:\n  ipFamilyPolicy: PreferDualStack\n  ports:", fixedText, StringComparison.Ordinal);
        Assert.Contains("  spec:\n    ipFamilyPolicy: PreferDualStack\n    selector:", fixedText, StringComparison.Ordinal);

        var second = ManifestLinter.Lint([SourceFile.FromText("svc.yaml", fixedText)], LintOptions.Default, checks).Findings;
        Assert.Empty(second);
        Assert.Equal(fixedText, FixApplier.Apply(fixedText, second.Where(f => f.Fix is not null).Select(f => f.Fix!)));
    }
}
