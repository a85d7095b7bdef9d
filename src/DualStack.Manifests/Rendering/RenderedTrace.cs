using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Rendering;

/// <summary>
/// Maps the findings on one rendered input (Helm or kustomize output) back to the files its documents came from: the
/// finding names the source file; its position is the source's line when the field can be found there
/// (<see cref="TemplateLocator"/>), else the rendered line, and the message says which it is.
/// </summary>
public sealed class RenderedTrace
{
    private readonly LoadedFile _rendered;
    private readonly IReadOnlyList<RenderedSource> _sources;
    private readonly string _producer;
    private readonly string _hint;
    private readonly Func<LoadedDocument, NodePath, (string File, SourceSpan Span)?>? _exact;

    /// <param name="producer">What wrote the sources (<c>Helm template</c>), for messages.</param>
    /// <param name="hint">What to give to point into the sources when they were not found (an option), for messages.</param>
    /// <param name="exact">Finds where a rendered node was written when the sources can be rebuilt (a kustomization), or null.</param>
    public RenderedTrace(LoadedFile rendered, IReadOnlyList<RenderedSource> sources, string producer, string hint, Func<LoadedDocument, NodePath, (string File, SourceSpan Span)?>? exact = null)
    {
        _exact = exact;
        _rendered = rendered;
        _sources = sources;
        _producer = producer;
        _hint = hint;
    }

    public string RenderedPath => _rendered.File.Path;

    public IReadOnlyList<RenderedSource> Sources => _sources;

    public Finding Map(Finding finding)
    {
        if (finding.File != RenderedPath || _sources.FirstOrDefault(s => s.Section.Covers(finding.Line)) is not { Usable: true } source)
        {
            return finding;
        }

        var renderedAt = $"line {finding.Line} of the rendered output {RenderedPath}";

        // The finding moved to its source; the message keeps where it was in the rendered output, and the fix (an edit
        // of the rendered text) is dropped.
        Finding MovedTo(string file, int line, int column, int endLine, int endColumn) => finding with
        {
            File = file,
            Line = line,
            Column = column,
            EndLine = endLine,
            EndColumn = endColumn,
            Message = $"{finding.Message} ({renderedAt})",
            Fix = null,
        };

        if (_exact is not null && NodeAt(source, finding) is var (document, node) && _exact(document, node) is var (file, span))
        {
            return MovedTo(file, span.Line, span.Column, span.EndLine, span.EndColumn);
        }

        if (source.Text is not null && Locate(source, finding) is { } position)
        {
            return MovedTo(source.Display, position.Line, position.Column, position.Line, position.EndColumn);
        }

        var why = source.Text is null
            ? $"the {_producer} is not at hand; {_hint} to point into it"
            : $"the {_producer} line of this field could not be found";
        return finding with
        {
            File = source.Display,
            Message = $"{finding.Message} (at {renderedAt}: {why})",
            Fix = null,
        };
    }

    private TemplatePosition? Locate(RenderedSource source, Finding finding) =>
        NodeAt(source, finding) is var (_, node) ? TemplateLocator.Locate(source.Lines, node) : null;

    private (LoadedDocument Document, NodePath Node)? NodeAt(RenderedSource source, Finding finding)
    {
        var document = _rendered.Documents.LastOrDefault(d => d.SpanOf(d.Root).Line <= finding.Line && source.Section.Covers(d.SpanOf(d.Root).Line));
        if (document is null || NodePath.At(document, finding.Line, finding.Column) is not { } node || node.Path.Count == 0)
        {
            return null;
        }

        return (document, node);
    }
}
