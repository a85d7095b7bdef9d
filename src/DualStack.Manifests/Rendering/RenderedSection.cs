namespace DualStack.Manifests.Rendering;

/// <summary>
/// One document of rendered output (<c>helm template</c>, <c>kubectl kustomize</c>) and the source file it names: lines
/// <see cref="FirstLine"/> to <see cref="LastLine"/> of the rendered input came from <see cref="WrittenPath"/>.
/// </summary>
/// <param name="WrittenPath">The path as the renderer wrote it (<c>CHART/templates/x.yaml</c>, a kustomize origin path).</param>
/// <param name="MarkerLine">The line of the <c># Source:</c> comment or origin annotation, where problems with the path are reported.</param>
/// <param name="MarkerColumn">The column where the path starts on <see cref="MarkerLine"/>.</param>
public sealed record RenderedSection(int FirstLine, int LastLine, string WrittenPath, int MarkerLine, int MarkerColumn)
{
    public bool Covers(int line) => line >= FirstLine && line <= LastLine;
}
