using DualStack.Manifests.Rendering;

namespace DualStack.Manifests.Tests.Rendering;

/// <summary>Which key path each line of a Helm template sets, read by indentation.</summary>
public sealed class TemplateLinesTests
{
    private static string PathOf(IReadOnlyList<TemplateLine> lines, int line) =>
        string.Join(".", lines.Single(l => l.Line == line).Path);

    [Fact]
    public void Keys_sequences_and_template_actions()
    {
        var lines = TemplateLines.Read("""
            apiVersion: v1
            metadata:
              labels:
                {{- include "web.labels" . | nindent 4 }}
            spec:
              type: {{ .Values.service.type }}
              ports:
              - port: {{ .Values.port }}
                name: http
              - port: 443
              {{- if .Values.dual }}
              ipFamilyPolicy: PreferDualStack
              {{- end }}
              loadBalancerSourceRanges:
                - 10.0.0.0/8
            """);

        Assert.Equal("apiVersion", PathOf(lines, 1));
        Assert.Equal("metadata.labels", PathOf(lines, 3));
        Assert.DoesNotContain(lines, l => l.Line == 4);
        Assert.Equal("spec.type", PathOf(lines, 6));
        Assert.Equal("spec.ports.[].port", PathOf(lines, 8));
        Assert.Equal("spec.ports.[].name", PathOf(lines, 9));
        Assert.Equal("spec.ports.[].port", PathOf(lines, 10));
        Assert.Equal("spec.ipFamilyPolicy", PathOf(lines, 12));
        Assert.Equal("spec.loadBalancerSourceRanges.[]", PathOf(lines, 15));
        var type = lines.Single(l => l.Line == 6);
        Assert.Equal((3, 9), (type.KeyColumn, type.ValueColumn));
    }

    [Fact]
    public void Block_scalars_are_skipped_whole()
    {
        var lines = TemplateLines.Read("""
            data:
              script: |
                host: 0.0.0.0
                port: 80
              other: x
            """);

        Assert.Equal(["data", "data.script", "data.other"], lines.Select(l => string.Join(".", l.Path)));
    }

    [Fact]
    public void Nested_sequence_items_under_a_mapping_item()
    {
        var lines = TemplateLines.Read("""
            containers:
              - name: web
                env:
                  - name: ASPNETCORE_URLS
                    value: x
              - name: side
            """);

        Assert.Equal("containers.[].env.[].value", PathOf(lines, 5));
        Assert.Equal("containers.[].name", PathOf(lines, 6));
    }
}
