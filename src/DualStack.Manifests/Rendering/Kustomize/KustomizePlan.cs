using DualStack.Manifests.Suppression;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Rendering.Kustomize;

/// <summary>
/// What the kustomizations among a run's inputs add to it. Each object a patch changes is linted once more as the
/// merged object (an extra input of generated text), and its findings are moved back to the base or patch line that
/// wrote the field. A patch file is linted on its own as before, but as a partial object: findings about what it
/// does not say (an omitted <c>ipFamilyPolicy</c>) are dropped; when the patch was merged, the merged object speaks
/// for it, so its own object findings are dropped altogether.
/// </summary>
public sealed class KustomizePlan
{
    private readonly Dictionary<string, MergedInput> _merged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int FirstLine, int LastLine, YamlNode Root, bool Applied)>> _patches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<SuppressionDirective>> _suppressions = new(StringComparer.Ordinal);

    private KustomizePlan()
    {
    }

    /// <summary>The generated inputs: one per merged object.</summary>
    public IReadOnlyList<SourceFile> MergedFiles => _merged.Values.Select(m => m.File).ToList();

    public List<Finding> Problems { get; } = [];

    public bool IsEmpty => _merged.Count == 0 && _patches.Count == 0 && Problems.Count == 0;

    /// <param name="kustomizations">The kustomization files among the inputs (full paths).</param>
    /// <param name="known">Texts already read, by full path (the run's inputs); other files are read from the tree.</param>
    public static KustomizePlan Prepare(IReadOnlyList<string> kustomizations, IReadOnlyDictionary<string, SourceFile> known, RenderingOptions options)
    {
        var plan = new KustomizePlan();
        if (kustomizations.Count == 0)
        {
            return plan;
        }

        var builder = new KustomizeBuilder(options.Tree, new LoadedFiles(options.Tree, known));
        foreach (var kustomization in kustomizations)
        {
            foreach (var obj in builder.Build(kustomization).Where(o => o.PatchedBy.Count > 0))
            {
                var writer = MergedObjectWriter.Write(obj.Root);
                var path = UniquePath(plan._merged, $"{options.Tree.Display(kustomization)}.merged/{obj.Kind}.{obj.Name}.yaml");
                plan._merged[path] = new MergedInput(SourceFile.FromText(path, writer.Text), writer, obj, builder.Origins);
            }
        }

        plan.Problems.AddRange(builder.Problems);
        foreach (var group in builder.PatchDocuments.GroupBy(p => p.Key.File.Path, StringComparer.Ordinal))
        {
            var documents = group.OrderBy(p => p.Key.LineOffset).ToList();
            plan._patches[group.Key] = documents.Select((p, i) => (
                p.Key.LineOffset + 1,
                i + 1 < documents.Count ? documents[i + 1].Key.LineOffset + 1 : int.MaxValue,
                p.Key.Root,
                p.Value)).ToList();
        }

        return plan;
    }

    /// <summary>Moves findings on merged objects to their origins, and drops what a patch file cannot be blamed for.</summary>
    public IEnumerable<Finding> Map(IReadOnlyList<Finding> findings)
    {
        var kept = findings.Where(f => !_merged.ContainsKey(f.File) && KeepOnPatch(f)).ToList();
        var taken = new HashSet<(string, string, int, int)>(kept.Select(f => (f.RuleId, f.File, f.Line, f.Column)));
        foreach (var finding in kept)
        {
            yield return finding;
        }

        foreach (var finding in findings)
        {
            if (_merged.TryGetValue(finding.File, out var merged) && merged.Map(finding) is { } mapped &&
                taken.Add((mapped.RuleId, mapped.File, mapped.Line, mapped.Column)) && !Suppressed(mapped, merged))
            {
                yield return mapped;
            }
        }
    }

    private bool KeepOnPatch(Finding finding)
    {
        if (finding.Object is null || !_patches.TryGetValue(finding.File, out var documents) ||
            documents.FirstOrDefault(d => finding.Line >= d.FirstLine && finding.Line < d.LastLine) is not { Root: not null } document)
        {
            return true;
        }

        return !document.Applied && finding.Field is { } field && FieldPath.Exists(document.Root, field);
    }

    // Comment suppressions of the file a merged finding lands in apply to it as to the file's own findings.
    private bool Suppressed(Finding finding, MergedInput merged)
    {
        if (!_suppressions.TryGetValue(finding.File, out var directives))
        {
            directives = merged.SourceOf(finding.File) is { } file ? CommentSuppressions.Read(file, new List<Finding>()) : [];
            _suppressions[finding.File] = directives;
        }

        return directives.Any(d => d.Scope != SuppressionScope.Object && d.Covers(finding));
    }

    private static string UniquePath(Dictionary<string, MergedInput> taken, string path)
    {
        var candidate = path;
        for (var i = 2; taken.ContainsKey(candidate); i++)
        {
            candidate = path.Substring(0, path.Length - ".yaml".Length) + "." + i + ".yaml";
        }

        return candidate;
    }

    private sealed record MergedInput(SourceFile File, MergedObjectWriter Writer, BuiltObject Object, OriginMap Origins)
    {
        public Finding? Map(Finding finding)
        {
            var node = Writer.Written.TryGetValue((finding.Line, finding.Column), out var exact)
                ? exact
                : Writer.Written.Where(w => w.Key.Line < finding.Line || (w.Key.Line == finding.Line && w.Key.Column <= finding.Column))
                    .OrderByDescending(w => w.Key.Line).ThenByDescending(w => w.Key.Column).Select(w => w.Value).FirstOrDefault();
            if (node is null || Origins.Get(node) is not { } origin)
            {
                return null;
            }

            var span = origin.Span;
            return finding with
            {
                File = origin.File,
                Line = span.Line,
                Column = span.Column,
                EndLine = span.EndLine,
                EndColumn = span.EndColumn,
                Message = $"{finding.Message} (in {Object.Reference} as patched by {string.Join(", ", Object.PatchedBy.Distinct())})",
                Fix = null,
            };
        }

        public SourceFile? SourceOf(string path) =>
            Writer.Written.Values.Select(Origins.Get).FirstOrDefault(o => o?.File == path)?.RealFile;
    }
}
