using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Rendering.Kustomize;

/// <summary>
/// Where a node of a merged object was written: a node of a loaded document, shifted when the document is a patch
/// written inline in a kustomization (a <c>patch: |</c> block, whose text starts a few lines and columns into the file).
/// </summary>
public sealed record NodeOrigin(LoadedDocument Document, YamlNode Node, int LineShift = 0, int ColumnShift = 0)
{
    /// <summary>The file as written on disk: the kustomization for an inline patch, else the document's file.</summary>
    public SourceFile RealFile { get; init; } = Document.File;

    public string File => RealFile.Path;

    public SourceSpan Span
    {
        get
        {
            var span = Document.SpanOf(Node);
            return span with
            {
                Line = span.Line + LineShift,
                EndLine = span.EndLine + LineShift,
                Column = span.Column + ColumnShift,
                EndColumn = span.EndColumn + ColumnShift,
            };
        }
    }
}

/// <summary>The origin of every node of a merged tree, by node identity (YAML nodes compare by value otherwise).</summary>
public sealed class OriginMap
{
    /// <summary>Nodes one run may copy; aliases can make a small file a huge tree, and merging must stay cheap.</summary>
    public const int MaxCopiedNodes = 200_000;

    private const int MaxDepth = 200;

    private readonly Dictionary<YamlNode, NodeOrigin> _origins = new(YamlWalker.ReferenceComparer.Instance);
    private int _copied;

    public void Add(YamlNode node, NodeOrigin origin) => _origins[node] = origin;

    public NodeOrigin? Get(YamlNode node) => _origins.TryGetValue(node, out var origin) ? origin : null;

    /// <summary>Records every node of a loaded document as written there.</summary>
    public void AddDocument(LoadedDocument document, YamlNode root, int lineShift = 0, int columnShift = 0, SourceFile? realFile = null)
    {
        foreach (var node in YamlWalker.DistinctNodes(root))
        {
            _origins[node] = new NodeOrigin(document, node, lineShift, columnShift) { RealFile = realFile ?? document.File };
        }
    }

    /// <summary>
    /// A copy of <paramref name="node"/> whose mappings and sequences are new (so patches can change them) and whose
    /// scalars are the originals; each new container takes the origin of the one it copies.
    /// </summary>
    public YamlNode Clone(YamlNode node, int depth = 0)
    {
        if (depth > MaxDepth || ++_copied > MaxCopiedNodes)
        {
            throw new InvalidOperationException("the objects are too large or too deeply nested to merge");
        }

        YamlNode copy;
        switch (node)
        {
            case YamlMappingNode mapping:
                var newMapping = new YamlMappingNode();
                foreach (var pair in mapping.Children)
                {
                    newMapping.Children.Add(pair.Key, Clone(pair.Value, depth + 1));
                }

                copy = newMapping;
                break;
            case YamlSequenceNode sequence:
                var newSequence = new YamlSequenceNode();
                foreach (var item in sequence.Children)
                {
                    newSequence.Children.Add(Clone(item, depth + 1));
                }

                copy = newSequence;
                break;
            default:
                return node;
        }

        if (Get(node) is { } origin)
        {
            Add(copy, origin);
        }

        return copy;
    }
}
