using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Tests;

public sealed class LoaderTests
{
    [Fact]
    public void Positions_of_later_documents_are_file_positions()
    {
        var text = "a: 1\n---\nkind: Service\napiVersion: v1\nmetadata:\n  name: web\n";
        var file = YamlLoader.Load(SourceFile.FromText("f.yaml", text));
        Assert.Equal(2, file.Documents.Count);
        var doc = file.Documents[1];
        var nameNode = doc.Root.Get("metadata").Get("name")!;
        var span = doc.SpanOf(nameNode);
        Assert.Equal((6, 9, 6, 12), (span.Line, span.Column, span.EndLine, span.EndColumn));
        Assert.Equal("web", text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void A_broken_document_is_DS0001_and_the_others_are_still_loaded()
    {
        var text = "a: 1\n---\nb: [1, 2\n---\nc: 3\n";
        var file = YamlLoader.Load(SourceFile.FromText("f.yaml", text));
        Assert.Equal(2, file.Documents.Count);
        var finding = Assert.Single(file.Findings);
        Assert.Equal("DS0001", finding.RuleId);
        Assert.True(finding.Line >= 3, "the error is reported in the broken document, line " + finding.Line);
        Assert.Equal("3", ((YamlScalarNode)file.Documents[1].Root.Get("c")!).Value);
    }

    [Fact]
    public void List_items_are_objects_of_their_own()
    {
        var text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata: {name: a, namespace: prod}
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: b}
            """;
        var doc = Assert.Single(YamlLoader.Load(SourceFile.FromText("f.yaml", text)).Documents);
        var objects = KubeObjectReader.Read(doc).Select(o => o.Reference).ToList();
        Assert.Equal(["Service/prod/a", "Deployment/b"], objects);
    }

    [Fact]
    public void Yaml_that_is_not_a_kubernetes_object_is_skipped_silently()
    {
        var doc = Assert.Single(YamlLoader.Load(SourceFile.FromText("f.yaml", "name: x\nitems: [1]\n")).Documents);
        Assert.Empty(KubeObjectReader.Read(doc));
    }

    [Fact]
    public void Unreadable_input_is_DS0002()
    {
        var file = YamlLoader.Load(SourceFile.Unreadable("f.bin", "the file is binary, not text"));
        var finding = Assert.Single(file.Findings);
        Assert.Equal("DS0002", finding.RuleId);
        Assert.Equal("the file is binary, not text", finding.Message);
    }
}
