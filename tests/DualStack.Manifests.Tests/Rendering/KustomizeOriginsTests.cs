using DualStack.Manifests.Configuration;
using DualStack.Manifests.Rendering;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Rendering;

/// <summary><c>kubectl kustomize</c> output traced by its <c>config.kubernetes.io/origin</c> annotations.</summary>
public sealed class KustomizeOriginsTests : IDisposable
{
    private const string Rendered = """
        apiVersion: v1
        kind: Service
        metadata:
          annotations:
            config.kubernetes.io/origin: |
              path: ../base/service.yaml
          name: web
        spec:
          ports:
          - port: 80
          type: LoadBalancer

        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IReadOnlyList<Finding> Lint(string rendered, string? renderedFrom)
    {
        var options = new RenderingOptions(new LintedTree(_folder.Path, []), renderedFrom is null ? null : Path.Combine(_folder.Path, renderedFrom));
        return RenderedLint.Lint([new RenderingInput(SourceFile.FromText("<stdin>", rendered), null)], new FixedConfiguration(LintOptions.Default), options).Findings;
    }

    private static string Describe(Finding f) => $"{f.RuleId} {f.Severity} {f.File}:{f.Line}:{f.Column}";

    [Fact]
    public void With_the_kustomization_the_finding_points_at_the_line_that_wrote_the_field()
    {
        _folder.Write("base/kustomization.yaml", "resources:\n- service.yaml\n");
        _folder.Write("base/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n");
        _folder.Write("overlay/kustomization.yaml", "resources:\n- ../base\npatches:\n- path: lb.yaml\n");
        _folder.Write("overlay/lb.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n");

        Assert.Equal(["DS2005 Warning base/service.yaml:5:1"], Lint(Rendered, "overlay").Select(Describe));
    }

    [Fact]
    public void Without_it_the_source_is_named_at_the_rendered_line()
    {
        var finding = Assert.Single(Lint(Rendered, null));
        Assert.Equal("DS2005 Warning ../base/service.yaml:8:1", Describe(finding));
        Assert.EndsWith("(at line 8 of the rendered output <stdin>: the kustomize source is not at hand; give the kustomization folder with --rendered-from DIR to point into it)", finding.Message);
    }

    [Fact]
    public void An_absolute_origin_is_reported_and_the_finding_stays_on_the_rendered_output()
    {
        var findings = Lint(Rendered.Replace("../base/service.yaml", "/etc/passwd", StringComparison.Ordinal), "overlay");
        Assert.Equal(["DS0002 Warning <stdin>:5:34", "DS2005 Warning <stdin>:8:1"], findings.Select(Describe));
    }

    [Fact]
    public void An_origin_outside_the_linted_folders_is_not_read()
    {
        _folder.Write("overlay/kustomization.yaml", "resources: []\n");
        var findings = Lint(Rendered.Replace("../base/service.yaml", "../../../../../../etc/passwd", StringComparison.Ordinal), "overlay");
        Assert.Equal(["DS2005 Warning ../../../../../../etc/passwd:8:1", "DS0002 Info <stdin>:5:34"], findings.Select(Describe));
    }
}
