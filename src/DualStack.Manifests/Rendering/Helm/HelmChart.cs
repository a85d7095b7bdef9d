using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Rendering.Helm;

/// <summary>
/// Traces <c>helm template</c> output to its chart: each <c># Source: CHART/templates/FILE.yaml</c> path is taken below
/// the chart folder (given with <c>--chart</c>, or found in the current folder: <c>./Chart.yaml</c>, or
/// <c>./CHART/Chart.yaml</c> for the chart name the comment starts with). Helm writes chart-relative paths only, so an
/// absolute path, a <c>..</c> segment or a path that leaves the chart is refused with a DS0002 finding and the
/// findings of that document stay on the rendered input.
/// </summary>
public static class HelmChart
{
    public const string Producer = "Helm template";

    public static RenderedTrace? Trace(LoadedFile rendered, RenderingOptions options, ICollection<Finding> problems)
    {
        if (rendered.File.Text is not { } text)
        {
            return null;
        }

        var sections = HelmSourceComments.Find(text);
        if (sections.Count == 0)
        {
            return null;
        }

        var sources = new List<RenderedSource>();
        foreach (var section in sections)
        {
            if (PathProblem(section.WrittenPath) is { } problem)
            {
                problems.Add(InputFindings.Create(RuleIds.UnreadableInput, rendered.File.Path,
                    $"the # Source: comment names \"{Quote(section.WrittenPath)}\", {problem}; Helm writes paths inside the chart, so the findings of this document stay on the rendered output",
                    section.MarkerLine, section.MarkerColumn, section.MarkerColumn + section.WrittenPath.Length));
                sources.Add(new RenderedSource(section, rendered.File.Path, null, Usable: false));
                continue;
            }

            sources.Add(Resolve(section, options));
        }

        return new RenderedTrace(rendered, sources, Producer, "give the chart folder with --chart DIR");
    }

    // Why a written path cannot name a file of a chart, or null when it can.
    public static string? PathProblem(string written)
    {
        if (written.Length == 0)
        {
            return "an empty path";
        }

        if (written.Any(char.IsControl))
        {
            return "a path with control characters";
        }

        if (written[0] is '/' or '\\' || (written.Length > 1 && written[1] == ':') || written.StartsWith("~", StringComparison.Ordinal))
        {
            return "an absolute path";
        }

        var segments = written.Split('/', '\\');
        if (segments.Any(s => s == ".."))
        {
            return "a path that leaves the chart (..)";
        }

        return segments.Length < 2 ? "no file below a chart folder" : null;
    }

    private static RenderedSource Resolve(RenderedSection section, RenderingOptions options)
    {
        var segments = section.WrittenPath.Split('/', '\\');
        var chartName = segments[0];
        var root = ChartRoot(options, chartName);
        if (root is null || !NameMatches(options.Tree, root, chartName))
        {
            return new RenderedSource(section, section.WrittenPath, null, Usable: true);
        }

        var full = options.Tree.FullPath(Path.Combine(root, string.Join(Path.DirectorySeparatorChar.ToString(), segments.Skip(1))));
        if (!LintedTree.IsBelow(full, root))
        {
            return new RenderedSource(section, section.WrittenPath, null, Usable: true);
        }

        var file = options.Tree.TryRead(full, out _);
        return new RenderedSource(section, file is null ? section.WrittenPath : file.Path, file?.Text, Usable: true);
    }

    private static string? ChartRoot(RenderingOptions options, string chartName)
    {
        var tree = options.Tree;
        if (options.RenderedFrom is { } given)
        {
            return tree.FullPath(given);
        }

        if (tree.FileExists(Path.Combine(tree.CurrentDirectory, "Chart.yaml")))
        {
            return tree.CurrentDirectory;
        }

        var named = tree.FullPath(chartName);
        return LintedTree.IsBelow(named, tree.CurrentDirectory) && tree.FileExists(Path.Combine(named, "Chart.yaml")) ? named : null;
    }

    // A chart's documents are written under the name in its Chart.yaml; another name is another chart (a subchart
    // packed as an archive, or a different chart altogether), whose files are not below this folder.
    private static bool NameMatches(LintedTree tree, string root, string chartName)
    {
        var chartFile = tree.TryRead(Path.Combine(root, "Chart.yaml"), out _);
        if (chartFile?.Text is not { } text)
        {
            return true;
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("name:", StringComparison.Ordinal))
            {
                return line.Substring(5).Split('#')[0].Trim().Trim('"', '\'') == chartName;
            }
        }

        return true;
    }

    private static string Quote(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";
}
