using System.Text.RegularExpressions;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Rendering.Kustomize;

/// <summary>
/// Builds what a kustomization produces, far enough to lint it: its resources (files, and folders holding a
/// kustomization, recursively) with its strategic-merge and JSON 6902 patches applied. Remote resources are not
/// fetched, nothing outside the linted folders is read, and a kustomization that reaches itself again is reported
/// once and not followed, so a cycle cannot hang the run. Problems are DS0002 findings on the kustomization entry.
/// </summary>
public sealed class KustomizeBuilder
{
    private const int MaxDepth = 32;

    private static readonly Regex Remote = new(@"^([a-z][a-z0-9+.-]*://|git@|github\.com/|gitlab\.com/|bitbucket\.org/)|\?ref=|//.*\?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly LintedTree _tree;
    private readonly LoadedFiles _files;
    private readonly Dictionary<LoadedDocument, bool> _patchDocuments = [];
    private readonly HashSet<LoadedDocument> _recordedDocuments = [];

    /// <param name="files">Loads a file of the tree by full path (the run's inputs first), and says why one cannot be read.</param>
    public KustomizeBuilder(LintedTree tree, LoadedFiles files)
    {
        _tree = tree;
        _files = files;
    }

    public OriginMap Origins { get; } = new();

    public List<Finding> Problems { get; } = [];

    /// <summary>Every patch document met, and whether it was applied to at least one object.</summary>
    public IReadOnlyDictionary<LoadedDocument, bool> PatchDocuments => _patchDocuments;

    /// <summary>The objects the kustomization at <paramref name="fullPath"/> produces.</summary>
    public List<BuiltObject> Build(string fullPath) => Build(fullPath, []);

    private List<BuiltObject> Build(string fullPath, List<string> chain)
    {
        var objects = new List<BuiltObject>();
        if (_files.Load(fullPath) is not { } file || KustomizationFile.Read(file) is not { } kustomization)
        {
            return objects;
        }

        chain.Add(fullPath);
        try
        {
            var folder = Path.GetDirectoryName(fullPath)!;
            foreach (var entry in kustomization.Resources)
            {
                AddResource(kustomization, folder, entry, chain, objects);
            }

            if (kustomization.Namespace is { } ns && kustomization.Document.Root.Get("namespace") is YamlScalarNode written)
            {
                RecordDocument(kustomization.Document, kustomization.Document.Root);
                objects.ForEach(o => SetNamespace(o, ns, written));
            }

            foreach (var entry in kustomization.StrategicMergePatches.Concat(kustomization.Patches))
            {
                ApplyPatch(kustomization, folder, entry, objects, jsonOnly: false);
            }

            foreach (var entry in kustomization.Json6902Patches)
            {
                ApplyPatch(kustomization, folder, entry, objects, jsonOnly: true);
            }
        }
        catch (InvalidOperationException ex)
        {
            Report(kustomization, kustomization.Document.Root, Severity.Warning, $"the kustomization is not merged: {ex.Message}");
        }
        finally
        {
            chain.RemoveAt(chain.Count - 1);
        }

        return objects;
    }

    private void AddResource(KustomizationFile kustomization, string folder, KustomizationEntry entry, List<string> chain, List<BuiltObject> objects)
    {
        if (Remote.IsMatch(entry.Value))
        {
            Report(kustomization, entry.Node, Severity.Info, $"remote resource \"{entry.Value}\" is not fetched; patches of its objects are linted as partial objects");
            return;
        }

        if (Path.IsPathRooted(entry.Value))
        {
            Report(kustomization, entry.Node, Severity.Warning, $"resource \"{entry.Value}\" is an absolute path, which kustomize rejects; it is not read");
            return;
        }

        var full = _tree.FullPath(Path.Combine(folder, entry.Value));
        if (!_tree.Contains(full))
        {
            Report(kustomization, entry.Node, Severity.Warning, $"resource \"{entry.Value}\" is outside the linted folders (or reached through a symbolic link), so it is not read; lint a folder that holds it");
            return;
        }

        var target = Directory.Exists(full) ? FindKustomization(full) : full;
        if (Directory.Exists(full) && target is null)
        {
            Report(kustomization, entry.Node, Severity.Warning, $"resource \"{entry.Value}\" is a folder without a kustomization.yaml, which kustomize rejects");
            return;
        }

        if (chain.Contains(target!, StringComparer.Ordinal))
        {
            Report(kustomization, entry.Node, Severity.Warning, $"resource \"{entry.Value}\" leads back to {_tree.Display(target!)}, a kustomization already being built (a cycle kustomize rejects); it is not followed");
            return;
        }

        if (KustomizationFile.IsKustomizationName(target!))
        {
            if (chain.Count >= MaxDepth)
            {
                Report(kustomization, entry.Node, Severity.Warning, $"resource \"{entry.Value}\" nests kustomizations deeper than {MaxDepth}; it is not followed");
                return;
            }

            objects.AddRange(Build(target!, chain));
            return;
        }

        if (_files.Load(target!) is not { } loaded)
        {
            Report(kustomization, entry.Node, Severity.Warning, File.Exists(target)
                ? $"resource \"{entry.Value}\" cannot be read: {_files.ProblemOf(target!)}"
                : $"resource \"{entry.Value}\" does not exist");
            return;
        }

        foreach (var document in loaded.Documents)
        {
            RecordDocument(document, document.Root);
            foreach (var obj in KubeObjectReader.Read(document))
            {
                objects.Add(new BuiltObject((YamlMappingNode)Origins.Clone(obj.Root), obj.Kind, obj.Name, obj.Namespace, loaded.File.Path));
            }
        }
    }

    // The namespace transformer sets metadata.namespace on every object; the value is the kustomization's.
    private static void SetNamespace(BuiltObject obj, string ns, YamlScalarNode written)
    {
        obj.Namespace = ns;
        if (obj.Root.Get("metadata") is YamlMappingNode metadata)
        {
            var key = metadata.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "namespace" });
            if (key is null)
            {
                metadata.Children.Add(new YamlScalarNode("namespace"), written);
            }
            else
            {
                metadata.Children[key] = written;
            }
        }
    }

    private string? FindKustomization(string folder) =>
        KustomizationFile.FileNames.Select(n => Path.Combine(folder, n)).FirstOrDefault(_tree.FileExists);

    private void ApplyPatch(KustomizationFile kustomization, string folder, KustomizationEntry entry, List<BuiltObject> objects, bool jsonOnly)
    {
        if (PatchDocumentsOf(kustomization, folder, entry) is not { } patch)
        {
            return;
        }

        foreach (var document in patch.Documents)
        {
            RecordDocument(document, document.Root, patch.LineShift, patch.ColumnShift, patch.RealFile);
            var isOperations = JsonPatch.IsOperationList(document.Root);
            if (jsonOnly && !isOperations)
            {
                Report(kustomization, entry.Node, Severity.Warning, "a patchesJson6902 entry must hold a list of operations (op, path, value)");
                continue;
            }

            var targets = entry.Target is { } selector
                ? objects.Where(o => Selects(selector, o)).ToList()
                : document.Root is YamlMappingNode partial && !isOperations ? objects.Where(o => Matches(partial, o)).ToList() : [];
            var applied = false;
            foreach (var obj in targets)
            {
                if (document.Root is YamlSequenceNode operations && isOperations)
                {
                    foreach (var problem in JsonPatch.Apply(obj.Root, operations, Origins))
                    {
                        Report(kustomization, entry.Node, Severity.Info, $"JSON patch on {obj.Reference}: {problem}");
                    }
                }
                else if (document.Root is YamlMappingNode mapping)
                {
                    StrategicMergePatch.Apply(obj.Root, mapping, Origins);
                }

                obj.PatchedBy.Add(patch.Display);
                applied = true;
            }

            if (!isOperations && !entry.IsInline)
            {
                _patchDocuments[document] = applied || (_patchDocuments.TryGetValue(document, out var before) && before);
            }
        }
    }

    private sealed record PatchText(IReadOnlyList<LoadedDocument> Documents, string Display, SourceFile RealFile, int LineShift, int ColumnShift);

    private PatchText? PatchDocumentsOf(KustomizationFile kustomization, string folder, KustomizationEntry entry)
    {
        var kustomizationFile = kustomization.Document.File;
        if (entry.IsInline)
        {
            var span = kustomization.Document.SpanOf(entry.Node);
            var inline = YamlLoader.Load(SourceFile.FromText(kustomizationFile.Path, entry.Value));
            var block = entry.Node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Literal };
            var (lineShift, columnShift) = block ? (span.Line, BlockIndent(kustomizationFile.Text!, span.Line)) : (span.Line - 1, span.Column - 1);
            return new PatchText(inline.Documents, kustomizationFile.Path, kustomizationFile, lineShift, columnShift);
        }

        var full = _tree.FullPath(Path.Combine(folder, entry.Value));
        if (Path.IsPathRooted(entry.Value) || !_tree.Contains(full))
        {
            Report(kustomization, entry.Node, Severity.Warning, $"patch \"{entry.Value}\" is outside the linted folders (or an absolute path), so it is not read");
            return null;
        }

        if (_files.Load(full) is not { } loaded)
        {
            Report(kustomization, entry.Node, Severity.Warning, File.Exists(full)
                ? $"patch \"{entry.Value}\" cannot be read: {_files.ProblemOf(full)}"
                : $"patch \"{entry.Value}\" does not exist");
            return null;
        }

        return new PatchText(loaded.Documents, loaded.File.Path, loaded.File, 0, 0);
    }

    // The indentation of a block scalar's content: that of its first non-empty line after the header line.
    private static int BlockIndent(string text, int headerLine)
    {
        var lines = text.Split('\n');
        for (var i = headerLine; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length > 0)
            {
                return line.Length - line.TrimStart(' ').Length;
            }
        }

        return 0;
    }

    private void RecordDocument(LoadedDocument document, YamlNode root, int lineShift = 0, int columnShift = 0, SourceFile? realFile = null)
    {
        if (_recordedDocuments.Add(document))
        {
            Origins.AddDocument(document, root, lineShift, columnShift, realFile);
        }
    }

    // A patch without a target applies to the object of its kind and name (and namespace, when both have one).
    private static bool Matches(YamlMappingNode patch, BuiltObject obj)
    {
        var ns = patch.Get("metadata").GetString("namespace");
        return patch.GetString("kind") == obj.Kind && patch.Get("metadata").GetString("name") == obj.Name &&
               (ns is null || obj.Namespace is null || ns == obj.Namespace);
    }

    private static bool Selects(YamlMappingNode target, BuiltObject obj) =>
        Matches(target.GetString("kind"), obj.Kind) && Matches(target.GetString("name"), obj.Name) &&
        (target.GetString("namespace") is not { } ns || obj.Namespace is null || ns == obj.Namespace);

    // Kustomize target fields are regular expressions matched against the whole value.
    private static bool Matches(string? pattern, string? value)
    {
        if (pattern is null)
        {
            return true;
        }

        if (value is null)
        {
            return false;
        }

        try
        {
            return Regex.IsMatch(value, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException)
        {
            return pattern == value;
        }
    }

    private void Report(KustomizationFile kustomization, YamlNode node, Severity severity, string message)
    {
        var span = kustomization.Document.SpanOf(node);
        Problems.Add(InputFindings.Create(RuleIds.UnreadableInput, kustomization.Document.File.Path, message, span.Line, span.Column,
            span.EndLine == span.Line ? span.EndColumn : span.Column + 1) with { Severity = severity });
    }
}
