namespace DualStack.Manifests.Rendering;

/// <summary>
/// The source file of one rendered section, as far as it could be found: <see cref="Display"/> is what findings name
/// (the real file relative to the current folder, or the path as written when the file is not at hand);
/// <see cref="Text"/> is its text when it was read.
/// </summary>
/// <param name="Usable">False when the written path was refused (absolute, <c>..</c>, outside the chart): findings stay on the rendered input.</param>
public sealed record RenderedSource(RenderedSection Section, string Display, string? Text, bool Usable)
{
    private IReadOnlyList<TemplateLine>? _lines;

    /// <summary>The source read by indentation, once.</summary>
    public IReadOnlyList<TemplateLine> Lines => _lines ??= Text is null ? [] : TemplateLines.Read(Text);
}
