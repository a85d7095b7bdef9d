using System.Text;
using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Yaml;

/// <summary>Inputs built to hurt a parser: each gives a clear finding (or nothing) and the run goes on.</summary>
public sealed class HostileInputTests
{
    private const string Service = "---\napiVersion: v1\nkind: Service\nmetadata: {name: after}\n";

    [Fact]
    public void Billion_laughs_is_DS0001_and_the_next_document_is_still_loaded()
    {
        var text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            text.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }

        var file = YamlLoader.Load(SourceFile.FromText("bomb.yaml", text + Service));
        var finding = Assert.Single(file.Findings);
        Assert.Equal(RuleIds.YamlSyntaxError, finding.RuleId);
        Assert.Equal("YAML document rejected: aliases expand to more than 1,000,000 nodes (an alias bomb such as \"billion laughs\"); this document is skipped", finding.Message);
        Assert.Equal(6, finding.Line);
        Assert.Equal("after", file.Documents.Single().Root.Get("metadata").GetString("name"));
    }

    [Fact]
    public void Moderate_aliasing_is_fine()
    {
        var text = "base: &b {a: 1, b: 2}\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"k{i}: *b\n"));
        Assert.Empty(YamlLoader.Load(SourceFile.FromText("f.yaml", text)).Findings);
    }

    [Theory]
    [InlineData("a: &x [1, *x]\n", 1, 11)]
    [InlineData("a: &x\n  b: *x\n", 2, 6)]
    public void An_alias_inside_its_own_anchor_is_DS0001_not_an_endless_tree(string text, int line, int column)
    {
        var finding = Assert.Single(YamlLoader.Load(SourceFile.FromText("f.yaml", text)).Findings);
        Assert.Equal((RuleIds.YamlSyntaxError, line, column), (finding.RuleId, finding.Line, finding.Column));
        Assert.Equal("YAML document rejected: alias \"*x\" refers to a node that contains it, so the document would be infinite; this document is skipped", finding.Message);
    }

    [Fact]
    public void An_unknown_alias_is_DS0001()
    {
        var finding = Assert.Single(YamlLoader.Load(SourceFile.FromText("f.yaml", "a: *nope\n")).Findings);
        Assert.Equal(RuleIds.YamlSyntaxError, finding.RuleId);
    }

    [Theory]
    [InlineData(10_000, true)]
    [InlineData(100_000, true)]
    [InlineData(YamlLimits.MaxDepth, false)]
    public void Deep_flow_nesting_is_DS0001_without_a_stack_overflow(int depth, bool rejected)
    {
        var text = new string('[', depth) + new string(']', depth) + "\n" + Service;
        var findings = RunOnSmallStack(() => ManifestTestHelper.Lint(text));
        if (rejected)
        {
            var finding = Assert.Single(findings);
            Assert.Equal((RuleIds.YamlSyntaxError, 1, YamlLimits.MaxDepth + 1), (finding.RuleId, finding.Line, finding.Column));
            Assert.Equal($"YAML document rejected: mappings and sequences are nested more than {YamlLimits.MaxDepth} levels deep; this document is skipped", finding.Message);
        }
        else
        {
            Assert.Empty(findings);
        }
    }

    [Fact]
    public void Deep_block_nesting_is_DS0001_without_a_stack_overflow()
    {
        var text = string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n" + Service;
        var finding = Assert.Single(RunOnSmallStack(() => ManifestTestHelper.Lint(text)));
        Assert.Equal(RuleIds.YamlSyntaxError, finding.RuleId);
    }

    [Theory]
    [InlineData("{{")]
    [InlineData("{{ x ")]
    [InlineData("# ")]
    [InlineData("\"")]
    public void Megabytes_of_template_openers_comments_or_quotes_finish(string unit)
    {
        // Each stresses a text scan that would be quadratic if done naively; they must come back with a finding or nothing.
        var text = "a: " + string.Concat(Enumerable.Repeat(unit, 2_000_000 / unit.Length)) + "\n";
        var findings = ManifestTestHelper.Lint(text);
        Assert.All(findings, f => Assert.StartsWith("DS000", f.RuleId, StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_utf8_binary_and_oversized_inputs_are_DS0002_findings()
    {
        var files = new[]
        {
            SourceFileReader.Decode([0x61, 0x3A, 0x20, 0xFF, 0x0A], 5, "bad-utf8.yaml"),
            SourceFileReader.Decode([0x00, 0x01, 0x02], 3, "binary.yaml"),
            new SourceFileReader(maxBytes: 4).Read(new MemoryStream(Encoding.UTF8.GetBytes("a: 1\n")), "big.yaml"),
            SourceFile.FromText("ok.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: ok}\n"),
        };
        var findings = ManifestTestHelper.Lint(files);
        Assert.Equal(
            ["bad-utf8.yaml DS0002", "big.yaml DS0002", "binary.yaml DS0002"],
            findings.Select(f => $"{f.File} {f.RuleId}"));
    }

    // A thread with a 1 MB stack (smaller than a thread pool thread's) proves the limits hold where the engine runs.
    private static T RunOnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception ex)
            {
                error = ex;
            }
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        return error is null ? result : throw new InvalidOperationException("the work threw", error);
    }
}
