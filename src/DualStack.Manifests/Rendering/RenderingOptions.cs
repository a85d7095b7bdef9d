namespace DualStack.Manifests.Rendering;

/// <summary>What a run knows about where rendered input came from, and what it may read.</summary>
/// <param name="Tree">The folders that may be read (templates, kustomization resources and patches).</param>
/// <param name="RenderedFrom">
/// The chart folder (holding <c>Chart.yaml</c>) or kustomization folder the rendered input was produced from, as given
/// by <c>--chart</c>; null to detect a chart in the current folder.
/// </param>
public sealed record RenderingOptions(LintedTree Tree, string? RenderedFrom = null);
