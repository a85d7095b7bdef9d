using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Yaml;

public sealed class TemplateTests
{
    [Fact]
    public void A_helm_template_is_DS0003_at_its_first_action_and_skipped()
    {
        var text = """
            # {{ this comment is not an action }}
            apiVersion: v1
            kind: Service
            metadata:
              name: {{ include "chart.fullname" . }}
            spec:
              ipFamilyPolicy: {{ .Values.ipFamilyPolicy }}
            """;
        var file = YamlLoader.Load(SourceFile.FromText("templates/svc.yaml", text));
        Assert.Empty(file.Documents);
        var finding = Assert.Single(file.Findings);
        Assert.Equal((RuleIds.TemplateSkipped, Severity.Info, 5, 9, 41), (finding.RuleId, finding.Severity, finding.Line, finding.Column, finding.EndColumn));
        Assert.Equal(
            "the file is a Helm template: \"{{ include \"chart.fullname\" . }}\" is a template action, not YAML; it is skipped, lint the rendered output (helm template … | dslint lint -)",
            finding.Message);
    }

    [Fact]
    public void Helm_control_actions_that_break_the_yaml_are_DS0003_not_DS0001()
    {
        var text = "{{- if .Values.enabled }}\napiVersion: v1\nkind: Service\n{{- end }}\n";
        var finding = Assert.Single(ManifestTestHelper.Lint(text));
        Assert.Equal((RuleIds.TemplateSkipped, 1, 1), (finding.RuleId, finding.Line, finding.Column));
    }

    [Fact]
    public void Go_templates_inside_string_values_are_linted_as_yaml()
    {
        // Alerting rules carry Prometheus templates in strings; they are valid YAML and real objects.
        var text = """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata: {name: r}
            spec:
              groups:
              - name: g
                rules:
                - alert: Down
                  annotations:
                    summary: "{{ $labels.instance }} is down"
                    description: |
                      {{ $labels.job }} on {{ $labels.instance }}
                      has been down for {{ $value }} minutes.
            """;
        var file = YamlLoader.Load(SourceFile.FromText("rules.yaml", text));
        Assert.Empty(file.Findings);
        Assert.Single(file.Documents);
    }

    [Fact]
    public void A_go_template_action_outside_strings_is_DS0003()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {{ $data }}\n";
        var finding = Assert.Single(ManifestTestHelper.Lint(text));
        Assert.Equal((RuleIds.TemplateSkipped, 5, 7), (finding.RuleId, finding.Line, finding.Column));
        Assert.StartsWith("the file is a Go template: \"{{ $data }}\" is a template action outside any YAML string", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_can_silence_DS0003_with_a_file_comment() =>
        Assert.Empty(ManifestTestHelper.Lint("# dslint-disable-file DS0003 rendered and linted in CI\nkind: {{ .Values.kind }}\n"));

    [Fact]
    public void Suppression_comments_in_a_template_are_left_for_the_rendered_output()
    {
        var text = "# dslint-disable-file DS2022 rendered policies cover IPv4 only by design\nkind: Service\nspec:\n  # dslint-disable-next-line DS2005 reason\n  type: {{ .Values.type }}\n";
        var finding = Assert.Single(ManifestTestHelper.Lint(text));
        Assert.Equal(RuleIds.TemplateSkipped, finding.RuleId);
    }

    [Theory]
    [InlineData("a: 1 # {{ .Values.x }}\n")]
    [InlineData("a: \"}}{{\"\n")]
    [InlineData("a: '{{'\n")]
    public void Braces_in_comments_or_without_an_action_are_not_templates(string text) =>
        Assert.DoesNotContain(ManifestTestHelper.Lint(text), f => f.RuleId == RuleIds.TemplateSkipped);
}
