using DualStack.Manifests.Yaml;
using DualStack.Tests;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Tests.Yaml;

/// <summary>
/// A file of several documents that parses whole is loaded with one parser; the result must be what parsing each
/// document on its own gives: the same documents, offsets, node positions and findings.
/// </summary>
public sealed class WholeFileLoadingTests
{
    [Theory]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("\uFEFFa: 1\n---\nb: [1, 2]\n---\n")]
    [InlineData("a: 1\r\n---\r\nb: 2\r\n...\r\n# after the end\r\n---\r\nc: {d: 3}\r\n")]
    [InlineData("# only a comment\n---\n---\na: &x {k: v}\nb: *x\n...\n---\n%YAML 1.2\n---\nz: 9\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n---\nbase: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2\n")]
    [InlineData("a: |\n  text\n  more\n---\n- 1\n- - 2\n  - 3\n---\n\"quoted\"\n")]
    [InlineData("a: 1\n---\nb: \"one\n  two\"\n---\nc: 3")]
    public void Several_documents_load_as_they_do_one_by_one(string text)
    {
        var file = SourceFile.FromText("multi.yaml", text);
        AssertSame(YamlLoader.Load(file, wholeFileFirst: false), YamlLoader.Load(file));
    }

    [Theory]
    [InlineData("a: 1\n---\nb: [1, 2\n---\nc: 3\n")]
    [InlineData("a: 1\n---\nb: 1\nb: 2\n---\nc: 3\n")]
    [InlineData("a: 1\n---\nb: *missing\n---\nc: 3\n")]
    [InlineData("a: 1\n---\nb: 'unclosed\n---\nc: 3\n")]
    public void A_broken_document_is_reported_and_the_others_are_still_loaded(string text)
    {
        var file = SourceFile.FromText("broken.yaml", text);
        var loaded = YamlLoader.Load(file);
        AssertSame(YamlLoader.Load(file, wholeFileFirst: false), loaded);
        Assert.Equal(2, loaded.Documents.Count);
        Assert.Equal("DS0001", Assert.Single(loaded.Findings).RuleId);
    }

    [Theory]
    [InlineData("a: 1\r---\rb: 2\r")]
    [InlineData("a: 1\u2028---\nb: 2\n---\nc: 3\n")]
    [InlineData("a: \"x\u0085y\"\n---\nb: 2\n")]
    public void Lines_broken_otherwise_than_by_newlines_keep_their_positions(string text)
    {
        var file = SourceFile.FromText("breaks.yaml", text);
        AssertSame(YamlLoader.Load(file, wholeFileFirst: false), YamlLoader.Load(file));
    }

    [SharedFact]
    public void Every_corpus_file_loads_as_it_does_document_by_document()
    {
        var root = RepositoryPaths.InShared("corpus");
        var compared = 0;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal)))
        {
            var file = SourceFileReader.Default.Read(path);
            AssertSame(YamlLoader.Load(file, wholeFileFirst: false), YamlLoader.Load(file));
            compared++;
        }

        Assert.True(compared > 300, $"only {compared} corpus files");
    }

    private static void AssertSame(LoadedFile expected, LoadedFile actual)
    {
        Assert.Equal(expected.Findings, actual.Findings);
        Assert.Equal(Describe(expected), Describe(actual));
    }

    // Every document's place and every node's kind, value and span, in document order.
    private static List<string> Describe(LoadedFile file) =>
        file.Documents.SelectMany(d => YamlWalker.DistinctNodes(d.Root)
            .Select(n => $"{file.File.Path} doc {d.Index} at line {d.LineOffset} index {d.IndexOffset}: {n.NodeType} {(n as YamlScalarNode)?.Value} {d.SpanOf(n)}"))
            .ToList();
}
