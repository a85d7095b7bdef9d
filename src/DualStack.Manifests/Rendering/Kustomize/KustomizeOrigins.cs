using DualStack.Manifests.Yaml;
using DualStack.Rules;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Rendering.Kustomize;

/// <summary>
/// Traces <c>kubectl kustomize</c> output to its sources when the kustomization asks for origin annotations
/// (<c>buildMetadata: [originAnnotations]</c>): each object's <c>config.kubernetes.io/origin</c> names the file
/// (relative to the kustomization folder) it was read from. With <c>--rendered-from DIR</c> (the folder given to
/// kustomize) the file is read and findings point at its lines; without it the file is named at the rendered line.
/// </summary>
public static class KustomizeOrigins
{
    public const string Annotation = "config.kubernetes.io/origin";

    public const string Producer = "kustomize source";

    public static RenderedTrace? Trace(LoadedFile rendered, RenderingOptions options, ICollection<Finding> problems)
    {
        var sources = new List<RenderedSource>();
        var documents = rendered.Documents;
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (document.Root.Get("metadata").Get("annotations").Get(Annotation) is not YamlScalarNode { Value: { } origin } node)
            {
                continue;
            }

            var (path, remote) = Read(origin);
            if (path is null)
            {
                continue;
            }

            var span = document.SpanOf(node);
            var last = i + 1 < documents.Count ? documents[i + 1].LineOffset : int.MaxValue;
            var section = new RenderedSection(document.LineOffset + 1, last, path, span.Line, span.Column);
            sources.Add(Resolve(rendered, section, remote, options, problems));
        }

        return sources.Count == 0 ? null : new RenderedTrace(rendered, sources, Producer, "give the kustomization folder with --rendered-from DIR", Rebuild(options));
    }

    // With the kustomization at hand, it is built again (KustomizeBuilder), and a rendered node is followed to the same
    // place in the built object, whose origin says which file and line (base or patch) wrote it.
    private static Func<LoadedDocument, NodePath, (string File, SourceSpan Span)?>? Rebuild(RenderingOptions options)
    {
        if (options.RenderedFrom is not { } root)
        {
            return null;
        }

        var tree = options.Tree;
        var folder = tree.FullPath(root);
        var kustomization = KustomizationFile.FileNames.Select(n => Path.Combine(folder, n)).FirstOrDefault(tree.FileExists);
        if (kustomization is null)
        {
            return null;
        }

        var builder = new KustomizeBuilder(tree, new LoadedFiles(tree));
        var objects = builder.Build(kustomization);
        return (document, node) =>
        {
            var kind = document.Root.GetString("kind");
            var name = document.Root.Get("metadata").GetString("name");
            var ns = document.Root.Get("metadata").GetString("namespace");
            var built = objects.Where(o => o.Kind == kind && o.Name == name).OrderBy(o => o.Namespace == ns ? 0 : 1).FirstOrDefault();
            if (built is null || node.Follow(built.Root) is not { } found || builder.Origins.Get(found) is not { } origin ||
                (node.Node is YamlScalarNode rendered && found is YamlScalarNode written && rendered.Value != written.Value))
            {
                return null;
            }

            return (origin.File, origin.Span);
        };
    }

    // The annotation's value is YAML: "path: base/service.yaml", with "repo:" and "ref:" for remote sources.
    private static (string? Path, string? Remote) Read(string origin)
    {
        string? path = null;
        string? repo = null;
        foreach (var line in origin.Split('\n'))
        {
            var text = line.Trim();
            if (text.StartsWith("path:", StringComparison.Ordinal))
            {
                path = text.Substring(5).Trim().Trim('"', '\'');
            }
            else if (text.StartsWith("repo:", StringComparison.Ordinal))
            {
                repo = text.Substring(5).Trim().Trim('"', '\'');
            }
        }

        return (path is { Length: > 0 } ? path : null, repo);
    }

    private static RenderedSource Resolve(LoadedFile rendered, RenderedSection section, string? remote, RenderingOptions options, ICollection<Finding> problems)
    {
        var written = section.WrittenPath;
        if (remote is not null)
        {
            return new RenderedSource(section, $"{remote}/{written}", null, Usable: true);
        }

        if (written.Any(char.IsControl) || Path.IsPathRooted(written) || written.StartsWith("~", StringComparison.Ordinal))
        {
            problems.Add(InputFindings.Create(RuleIds.UnreadableInput, rendered.File.Path,
                $"the {Annotation} annotation names \"{written}\", an absolute path; kustomize writes paths relative to the kustomization, so the findings of this object stay on the rendered output",
                section.MarkerLine, section.MarkerColumn));
            return new RenderedSource(section, rendered.File.Path, null, Usable: false);
        }

        if (options.RenderedFrom is not { } root)
        {
            return new RenderedSource(section, written, null, Usable: true);
        }

        var full = options.Tree.FullPath(Path.Combine(options.Tree.FullPath(root), written));
        if (!options.Tree.Contains(full))
        {
            problems.Add(InputFindings.Create(RuleIds.UnreadableInput, rendered.File.Path,
                $"the {Annotation} annotation names \"{written}\", which is outside the linted folders, so it is not read; the findings of this object name it at the rendered line",
                section.MarkerLine, section.MarkerColumn) with { Severity = Severity.Info });
            return new RenderedSource(section, written, null, Usable: true);
        }

        var file = options.Tree.TryRead(full, out _);
        return new RenderedSource(section, file?.Path ?? written, file?.Text, Usable: true);
    }
}
