using System.Collections.Concurrent;
using DualStack.Manifests.Engine;
using DualStack.Manifests.Rendering.Helm;
using DualStack.Manifests.Rendering.Kustomize;
using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Rendering;

/// <summary>
/// The traces of a run's rendered inputs, taken while the engine has each file's tree (<see cref="IFileObserver"/>), so
/// a rendered file is read and parsed once, and only its compact trace (sources, the places its findings point at)
/// outlives the check. Files the run made up (kustomize's merged objects) are not traced.
/// </summary>
internal sealed class RenderedTraces : IFileObserver
{
    private readonly RenderingOptions _options;
    private readonly HashSet<string> _inputs;
    private readonly ConcurrentDictionary<string, Traced> _byPath = new(StringComparer.Ordinal);

    public RenderedTraces(RenderingOptions options, IEnumerable<string> inputPaths)
    {
        _options = options;
        _inputs = new HashSet<string>(inputPaths, StringComparer.Ordinal);
    }

    public void Checked(int index, LoadedFile file, IReadOnlyList<Finding> findings, Func<LoadedFile> reload)
    {
        if (!_inputs.Contains(file.File.Path) || !RenderedLint.MayBeRendered(file.File))
        {
            return;
        }

        var problems = new List<Finding>();
        var trace = Trace(file, problems);
        trace?.Prepare(findings);
        trace?.Release(reload);

        // Of two inputs with one path, the first in path order is traced; a file checked again replaces its trace.
        var traced = new Traced(index, trace, problems);
        _byPath.AddOrUpdate(file.File.Path, traced, (_, earlier) => earlier.Index < index ? earlier : traced);
    }

    /// <summary>The traces in path order, with the problems found in reading each file's source paths.</summary>
    public IEnumerable<(RenderedTrace? Trace, IReadOnlyList<Finding> Problems)> InPathOrder() =>
        _byPath.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Value.Trace, (IReadOnlyList<Finding>)t.Value.Problems));

    private RenderedTrace? Trace(LoadedFile file, List<Finding> problems) =>
        file.File.Text!.IndexOf(HelmSourceComments.Marker, StringComparison.Ordinal) >= 0
            ? HelmChart.Trace(file, _options, problems)
            : KustomizeOrigins.Trace(file, _options, problems);

    private sealed record Traced(int Index, RenderedTrace? Trace, List<Finding> Problems);
}
