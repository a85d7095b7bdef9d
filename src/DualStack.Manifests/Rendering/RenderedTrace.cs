using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Rendering;

/// <summary>
/// Maps the findings on one rendered input (Helm or kustomize output) back to the files its documents came from: the
/// finding names the source file; its position is the source's line when the field can be found there
/// (<see cref="TemplateLocator"/>), else the rendered line, and the message says which it is.
/// </summary>
/// <remarks>
/// Built while the engine has the rendered file's tree (<see cref="RenderedTraces"/>): <see cref="Prepare"/> finds
/// the nodes of the findings known then, and <see cref="Release"/> lets the tree go. A finding at a place not prepared
/// (a run-wide check's) loads the file again, once per <see cref="MapAll"/>; tracing needs no tree at all when the
/// sources are not at hand (no chart or kustomization folder), which is the common case.
/// </remarks>
public sealed class RenderedTrace
{
    private readonly IReadOnlyList<RenderedSource> _sources;
    private readonly string _producer;
    private readonly string _hint;
    private readonly Func<LoadedDocument, NodePath, (string File, SourceSpan Span)?>? _exact;
    private readonly Dictionary<(int Line, int Column), Resolution> _resolved = [];
    private LoadedFile? _rendered;
    private Func<LoadedFile>? _reload;

    /// <param name="producer">What wrote the sources (<c>Helm template</c>), for messages.</param>
    /// <param name="hint">What to give to point into the sources when they were not found (an option), for messages.</param>
    /// <param name="exact">Finds where a rendered node was written when the sources can be rebuilt (a kustomization), or null.</param>
    public RenderedTrace(LoadedFile rendered, IReadOnlyList<RenderedSource> sources, string producer, string hint, Func<LoadedDocument, NodePath, (string File, SourceSpan Span)?>? exact = null)
    {
        _exact = exact;
        _rendered = rendered;
        RenderedPath = rendered.File.Path;
        _sources = sources;
        _producer = producer;
        _hint = hint;
    }

    public string RenderedPath { get; }

    public IReadOnlyList<RenderedSource> Sources => _sources;

    /// <summary>Finds, while the tree is at hand, the nodes of <paramref name="findings"/> that mapping will need.</summary>
    public void Prepare(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (SourceOf(finding) is { } source && NeedsNode(source))
            {
                Resolve(source, finding);
            }
        }
    }

    /// <summary>Drops the tree; a later need of it loads the file with <paramref name="reload"/>.</summary>
    public void Release(Func<LoadedFile> reload)
    {
        _rendered = null;
        _reload = reload;
    }

    /// <summary>Maps the findings of the rendered file, loading it again at most once when a place was not prepared.</summary>
    public List<Finding> MapAll(IEnumerable<Finding> findings)
    {
        try
        {
            return findings.Select(Map).ToList();
        }
        finally
        {
            if (_reload is not null)
            {
                _rendered = null;
            }
        }
    }

    public Finding Map(Finding finding)
    {
        if (SourceOf(finding) is not { } source)
        {
            return finding;
        }

        var renderedAt = $"line {finding.Line} of the rendered output {RenderedPath}";
        var resolution = NeedsNode(source) ? Resolve(source, finding) : default;
        if (resolution.Exact is var (file, span))
        {
            return finding with
            {
                File = file,
                Line = span.Line,
                Column = span.Column,
                EndLine = span.EndLine,
                EndColumn = span.EndColumn,
                Message = $"{finding.Message} ({renderedAt})",
                Fix = null,
            };
        }

        if (resolution.Position is { } position)
        {
            return finding with
            {
                File = source.Display,
                Line = position.Line,
                Column = position.Column,
                EndLine = position.Line,
                EndColumn = position.EndColumn,
                Message = $"{finding.Message} ({renderedAt})",
                Fix = null,
            };
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

    private RenderedSource? SourceOf(Finding finding) =>
        finding.File == RenderedPath && _sources.FirstOrDefault(s => s.Section.Covers(finding.Line)) is { Usable: true } source ? source : null;

    // The rendered node matters only when it can be followed into a rebuilt kustomization or found in a source text.
    private bool NeedsNode(RenderedSource source) => _exact is not null || source.Text is not null;

    private Resolution Resolve(RenderedSource source, Finding finding)
    {
        var key = (finding.Line, finding.Column);
        if (!_resolved.TryGetValue(key, out var resolution))
        {
            resolution = NodeAt(source, finding) is var (document, node)
                ? new Resolution(_exact?.Invoke(document, node), source.Text is null ? null : TemplateLocator.Locate(source.Lines, node))
                : default;
            _resolved[key] = resolution;
        }

        return resolution;
    }

    private (LoadedDocument Document, NodePath Node)? NodeAt(RenderedSource source, Finding finding)
    {
        var rendered = _rendered ??= _reload!();
        var document = rendered.Documents.LastOrDefault(d => d.SpanOf(d.Root).Line <= finding.Line && source.Section.Covers(d.SpanOf(d.Root).Line));
        if (document is null || NodePath.At(document, finding.Line, finding.Column) is not { } node || node.Path.Count == 0)
        {
            return null;
        }

        return (document, node);
    }

    // Where a rendered place was written: exactly (a rebuilt kustomization), or a line found in the source text.
    private readonly record struct Resolution((string File, SourceSpan Span)? Exact, TemplatePosition? Position);
}
