using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Tests.Yaml;

public sealed class MergeKeyTests
{
    private static (LoadedDocument Doc, YamlNode Root) Load(string text)
    {
        var file = YamlLoader.Load(SourceFile.FromText("f.yaml", text));
        Assert.Empty(file.Findings);
        var doc = Assert.Single(file.Documents);
        return (doc, doc.Root);
    }

    [Fact]
    public void Merged_entries_are_added_explicit_keys_win_and_positions_point_at_the_definition()
    {
        var (doc, root) = Load("base: &b {x: 1, y: 2}\nsvc:\n  <<: *b\n  y: 3\n");
        var svc = (YamlMappingNode)root.Get("svc")!;
        Assert.Equal(["y", "x"], svc.Children.Keys.Select(k => k.AsString()));
        Assert.Equal("3", svc.GetString("y"));
        Assert.Equal("1", svc.GetString("x"));
        var span = doc.SpanOf(svc.Get("x")!);
        Assert.Equal((1, 14), (span.Line, span.Column));
    }

    [Fact]
    public void Several_sources_first_wins_and_chains_resolve()
    {
        var (_, root) = Load("a: &a {k: a, only-a: 1}\nb: &b {<<: *a, k: b, only-b: 2}\nc: {<<: [*b, *a]}\n");
        var c = (YamlMappingNode)root.Get("c")!;
        Assert.Equal("b", c.GetString("k"));
        Assert.Equal("1", c.GetString("only-a"));
        Assert.Equal("2", c.GetString("only-b"));
        Assert.Null(c.Get("<<"));
    }

    [Fact]
    public void A_quoted_merge_key_is_an_ordinary_key()
    {
        var (_, root) = Load("a: &a {k: 1}\nb: {\"<<\": *a}\n");
        Assert.NotNull(root.Get("b").Get("<<"));
        Assert.Null(root.Get("b").Get("k"));
    }

    [Fact]
    public void A_merged_spec_is_seen_by_checks()
    {
        var text = "x-defaults: &svc\n  ipFamilyPolicy: PreferDualStack\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}]\n";
        Assert.Equal(2, YamlLoader.Load(SourceFile.FromText("f.yaml", text)).Documents.Count);
        var merged = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nx-defaults: &d {ipFamilyPolicy: PreferDualStack}\nspec:\n  <<: *d\n  ports: [{port: 80}]\n";
        var (_, root) = Load(merged);
        Assert.Equal("PreferDualStack", root.Get("spec").GetString("ipFamilyPolicy"));
    }

    [Fact]
    public void A_merge_of_something_that_is_not_a_mapping_is_dropped_without_error()
    {
        var (_, root) = Load("a: {<<: 3, k: 1}\n");
        Assert.Equal(["k"], ((YamlMappingNode)root.Get("a")!).Children.Keys.Select(k => k.AsString()));
    }
}
