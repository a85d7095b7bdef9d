using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Yaml;

/// <summary>
/// One YAML document of a file. Documents are parsed one by one so that a syntax error in one does not hide the
/// others; <see cref="LineOffset"/> and <see cref="IndexOffset"/> turn positions inside the document's chunk back
/// into positions in the whole file.
/// </summary>
public sealed class LoadedDocument
{
    public LoadedDocument(SourceFile file, int index, YamlNode root, int lineOffset, int indexOffset)
    {
        File = file;
        Index = index;
        Root = root;
        LineOffset = lineOffset;
        IndexOffset = indexOffset;
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
        (int)node.Start.Line + LineOffset,
        (int)node.Start.Column,
        (int)node.End.Line + LineOffset,
        (int)node.End.Column,
        (int)node.Start.Index + IndexOffset,
        (int)(node.End.Index - node.Start.Index));
}
