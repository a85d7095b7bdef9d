using DualStack.Manifests.Rendering.Helm;

namespace DualStack.Manifests.Tests.Rendering;

public sealed class HelmSourceCommentsTests
{
    [Fact]
    public void Each_document_is_covered_by_its_comment()
    {
        var sections = HelmSourceComments.Find("""
            ---
            # Source: web/templates/service.yaml
            apiVersion: v1
            kind: Service
            ---
            # Source: web/charts/db/templates/db.yaml
            apiVersion: v1
            kind: ConfigMap
            data:
              note: "# Source: not/a/comment.yaml"
            ---
            apiVersion: v1
            kind: ConfigMap

            """);

        Assert.Equal(
            [("web/templates/service.yaml", 1, 4, 2), ("web/charts/db/templates/db.yaml", 5, 10, 6)],
            sections.Select(s => (s.WrittenPath, s.FirstLine, s.LastLine, s.MarkerLine)));
    }

    [Fact]
    public void A_comment_below_the_content_is_not_a_source()
    {
        Assert.Empty(HelmSourceComments.Find("apiVersion: v1\n# Source: x/templates/a.yaml\nkind: ConfigMap\n"));
    }

    [Theory]
    [InlineData("/etc/passwd", "an absolute path")]
    [InlineData("web/../../etc/passwd", "a path that leaves the chart (..)")]
    [InlineData("C:/x/y.yaml", "an absolute path")]
    [InlineData("", "an empty path")]
    [InlineData("web", "no file below a chart folder")]
    [InlineData("web/templates/a\u0007.yaml", "a path with control characters")]
    public void Paths_a_chart_cannot_hold_are_refused(string written, string problem)
    {
        Assert.Equal(problem, HelmChart.PathProblem(written));
    }

    [Fact]
    public void Chart_relative_paths_are_fine()
    {
        Assert.Null(HelmChart.PathProblem("web/templates/service.yaml"));
        Assert.Null(HelmChart.PathProblem("web/charts/db/templates/x.yaml"));
    }
}
