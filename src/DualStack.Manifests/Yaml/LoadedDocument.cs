using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Yaml;

/// <summary>
/// One YAML document of a file. Documents are parsed one by one so that a syntax error in one does not hide the
/// others (or, when the whole file parses, with one parser: see <see cref="YamlLoader"/>); <see cref="LineOffset"/> and
/// <see cref="IndexOffset"/> say where the document's chunk starts in the file, and positions of its nodes are turned
/// into positions in the whole file.
/// </summary>
public sealed class LoadedDocument
{
    // What is added to a node's line and index: the chunk's offsets when the chunk was parsed alone, nothing (but a
    // skipped byte-order mark) when the node positions already count from the start of the file.
    private readonly int _lineBase;
    private readonly int _indexBase;

    public LoadedDocument(SourceFile file, int index, YamlNode root, int lineOffset, int indexOffset)
        : this(file, index, root, lineOffset, indexOffset, lineOffset, indexOffset)
    {
    }

    internal LoadedDocument(SourceFile file, int index, YamlNode root, int lineOffset, int indexOffset, int lineBase, int indexBase)
    {
        File = file;
        Index = index;
        Root = root;
        LineOffset = lineOffset;
        IndexOffset = indexOffset;
        _lineBase = lineBase;
        _indexBase = indexBase;
    }

    public SourceFile File { get; }

    /// <summary>0-based position of the document in its file.</summary>
    public int Index { get; }

    public YamlNode Root { get; }

    /// <summary>Lines before the document's chunk in the file.</summary>
    public int LineOffset { get; }

    /// <summary>Characters before the document's chunk in the file.</summary>
    public int IndexOffset { get; }

    /// <summary>The span of a node of this document, in file coordinates.</summary>
    public SourceSpan SpanOf(YamlNode node) => new(
        (int)node.Start.Line + _lineBase,
        (int)node.Start.Column,
        (int)node.End.Line + _lineBase,
        (int)node.End.Column,
        (int)node.Start.Index + _indexBase,
        (int)(node.End.Index - node.Start.Index));
}
