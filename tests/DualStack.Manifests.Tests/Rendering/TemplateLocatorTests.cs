using DualStack.Manifests.Rendering;
using DualStack.Manifests.Yaml;

namespace DualStack.Manifests.Tests.Rendering;

/// <summary>Where a node of rendered output was written in its template; null when that is not certain.</summary>
public sealed class TemplateLocatorTests
{
    private const string Template = """
        spec:
          containers:
            - name: web
              env:
                - name: ASPNETCORE_URLS
                  value: {{ .Values.url | quote }}
                - name: LOG_LEVEL
                  value: "info"
                - name: OTHER
                  value: {{ .Values.other }}
          hostAliases:
            - ip: "10.0.0.1"
        """;

    private const string Rendered = """
        spec:
          containers:
            - name: web
              env:
                - name: ASPNETCORE_URLS
                  value: "http://0.0.0.0:8080"
                - name: LOG_LEVEL
                  value: "info"
                - name: OTHER
                  value: x
          hostAliases:
            - ip: "10.0.0.1"
          hostname: "10.1.1.1"
        """;

    private static TemplatePosition? Locate(int line, int column)
    {
        var document = YamlLoader.Load(SourceFile.FromText("r.yaml", Rendered)).Documents[0];
        var node = NodePath.At(document, line, column)!;
        return TemplateLocator.Locate(TemplateLines.Read(Template), node);
    }

    [Fact]
    public void Same_key_path_told_apart_by_the_sibling_name()
    {
        Assert.Equal(new TemplatePosition(6, 18, 43), Locate(6, 18));
        Assert.Equal(new TemplatePosition(10, 18, 37), Locate(10, 18));
    }

    [Fact]
    public void Same_key_path_told_apart_by_the_literal_value_with_its_quotes()
    {
        Assert.Equal(new TemplatePosition(8, 18, 24), Locate(8, 18));
        Assert.Equal(new TemplatePosition(12, 11, 21), Locate(12, 11));
    }

    [Fact]
    public void A_key_points_at_the_key()
    {
        Assert.Equal(new TemplatePosition(11, 3, 14), Locate(11, 3));
    }

    [Fact]
    public void A_field_the_template_does_not_write_is_not_guessed()
    {
        Assert.Null(Locate(13, 13));
        Assert.Equal(13, NodePath.At(YamlLoader.Load(SourceFile.FromText("r.yaml", Rendered)).Documents[0], 13, 13)!.Node.Start.Column);
    }

    [Fact]
    public void Ambiguous_lines_are_not_guessed()
    {
        var template = "items:\n  - name: {{ .a }}\n  - name: {{ .b }}\n";
        var document = YamlLoader.Load(SourceFile.FromText("r.yaml", "items:\n  - name: a\n  - name: b\n")).Documents[0];
        Assert.Null(TemplateLocator.Locate(TemplateLines.Read(template), NodePath.At(document, 3, 11)!));
    }
}
