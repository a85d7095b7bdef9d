using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Yaml;

public sealed class LoaderHardeningTests
{
    private static LoadedFile Load(string text, string path = "f.yaml") => YamlLoader.Load(SourceFile.FromText(path, text));

    [Fact]
    public void A_byte_order_mark_is_skipped_and_positions_stay_file_offsets()
    {
        var text = "\uFEFFapiVersion: v1\nkind: Service\nmetadata:\n  name: web\n";
        var file = Load(text);
        var doc = Assert.Single(file.Documents);
        var obj = Assert.Single(KubeObjectReader.Read(doc));
        Assert.Equal("Service/web", obj.Reference);
        var span = doc.SpanOf(obj.Root.Get("kind")!);
        Assert.Equal((2, 7), (span.Line, span.Column));
        Assert.Equal("Service", text.Substring(span.Start, span.Length));
        Assert.Equal((1, 1), (doc.SpanOf(obj.Root.Children[0].Key).Line, doc.SpanOf(obj.Root.Children[0].Key).Column));
    }

    [Fact]
    public void Crlf_line_ends_keep_lines_columns_and_offsets()
    {
        var text = "a: 1\r\n---\r\napiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: web\r\n";
        var file = Load(text);
        Assert.Empty(file.Findings);
        var doc = file.Documents[1];
        var name = doc.Root.Get("metadata").Get("name")!;
        var span = doc.SpanOf(name);
        Assert.Equal((6, 9, 6, 12), (span.Line, span.Column, span.EndLine, span.EndColumn));
        Assert.Equal("web", text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void A_tab_used_as_indentation_is_DS0001_at_the_tab()
    {
        var file = Load("apiVersion: v1\nkind: ConfigMap\ndata:\n\tkey: value\n");
        var finding = Assert.Single(file.Findings);
        Assert.Equal(RuleIds.YamlSyntaxError, finding.RuleId);
        Assert.Equal((4, 1), (finding.Line, finding.Column));
        Assert.Contains("tab", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("(YAML indentation must use spaces, not tabs); this document is skipped", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tabs_that_are_not_indentation_are_fine()
    {
        var file = Load("a:\t1\nb: \"x\ty\"\n");
        Assert.Empty(file.Findings);
        Assert.Equal("x\ty", Assert.Single(file.Documents).Root.GetString("b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("---\n")]
    [InlineData("---\n---\n...\n")]
    [InlineData("# only a comment\n")]
    [InlineData("\uFEFF")]
    [InlineData("\n\n\n")]
    [InlineData("--- ~\n")]
    public void Empty_documents_give_nothing(string text)
    {
        var file = Load(text);
        Assert.Empty(file.Findings);
        Assert.Empty(file.Documents);
        Assert.Empty(ManifestTestHelper.Lint(text));
    }

    [Fact]
    public void Json_loads_as_yaml_with_positions_even_with_tab_indentation()
    {
        var text = "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Service\",\n\t\"metadata\": {\"name\":\"web\"},\n\t\"spec\": {\n\t\t\"clusterIPs\": [\"10.0.0.1\",\"fd00::1\"]\n\t}\n}\n";
        var file = Load(text, "svc.json");
        Assert.Empty(file.Findings);
        var doc = Assert.Single(file.Documents);
        var obj = Assert.Single(KubeObjectReader.Read(doc));
        Assert.Equal("Service/web", obj.Reference);
        var second = obj.Spec.GetSequence("clusterIPs")!.Children[1];
        var span = doc.SpanOf(second);
        Assert.Equal((6, 29), (span.Line, span.Column));
        Assert.Equal("\"fd00::1\"", text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void A_syntax_error_in_the_middle_document_leaves_the_others()
    {
        var text = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: [b}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: c}\n";
        var file = Load(text);
        Assert.Equal(["Service/a", "Service/c"], file.Documents.SelectMany(KubeObjectReader.Read).Select(o => o.Reference));
        var finding = Assert.Single(file.Findings);
        Assert.Equal((RuleIds.YamlSyntaxError, 7), (finding.RuleId, finding.Line));
        Assert.StartsWith("YAML syntax error: ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_flow_sequence_is_DS0001_not_an_exception()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint("apiVersion: v1\nkind: ConfigMap\ndata: [1, 2\nmetadata: 3\n"));
        Assert.Equal(RuleIds.YamlSyntaxError, finding.RuleId);
        Assert.True(finding.Line >= 3, "line " + finding.Line);
    }

    [Fact]
    public void A_yaml_directive_stays_with_its_document()
    {
        var file = Load("%YAML 1.2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkind: x\n");
        Assert.Empty(file.Findings);
        Assert.Equal(2, file.Documents.Count);
        Assert.Equal(3, file.Documents[0].SpanOf(file.Documents[0].Root.Get("apiVersion")!).Line);
    }

    [Fact]
    public void A_duplicate_key_is_DS0001_at_the_second_key()
    {
        var finding = Assert.Single(Load("a: 1\nb: 2\na: 3\n").Findings);
        Assert.Equal((RuleIds.YamlSyntaxError, 3, 1, 2), (finding.RuleId, finding.Line, finding.Column, finding.EndColumn));
        Assert.Equal("YAML syntax error: duplicate key a; this document is skipped", finding.Message);
    }

    [Fact]
    public void Anchors_and_aliases_are_resolved()
    {
        var doc = Assert.Single(Load("base: &labels {app: web}\ncopy: *labels\n").Documents);
        Assert.Equal("web", doc.Root.Get("copy").GetString("app"));
        Assert.Same(doc.Root.Get("base"), doc.Root.Get("copy"));
    }
}
