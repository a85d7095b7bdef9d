using DualStack.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Yaml;

/// <summary>
/// Splits a file into its YAML documents and parses each on its own, so one broken document is reported (DS0001)
/// while the others are still linted. Document markers (<c>---</c>, <c>...</c>) only count at column 1, which is
/// where YAML allows them. JSON files load the same way (JSON is YAML, and positions are kept).
/// </summary>
/// <remarks>
/// Loading never throws: a byte-order mark is skipped, empty documents give nothing, Helm templates are DS0003 and
/// skipped, nesting and aliases are bounded (<see cref="YamlLimits"/>), and anything unexpected is DS0002.
/// </remarks>
public static class YamlLoader
{
    private const char ByteOrderMark = '\uFEFF';

    // Line breaks of YAML 1.1 that YamlDotNet counts as new lines.
    private static readonly char[] UnicodeLineBreaks = ['\u0085', '\u2028', '\u2029'];

    public static LoadedFile Load(SourceFile file) => Load(file, wholeFileFirst: true);

    /// <param name="file">The file to load.</param>
    /// <param name="wholeFileFirst">False to parse every document on its own even when the whole file parses (tests compare both).</param>
    internal static LoadedFile Load(SourceFile file, bool wholeFileFirst)
    {
        var documents = new List<LoadedDocument>();
        var findings = new List<Finding>();
        if (file.Text is null)
        {
            findings.Add(InputFindings.Create(RuleIds.UnreadableInput, file.Path, file.ReadError ?? "the file could not be read"));
            return new LoadedFile(file, documents, findings);
        }

        try
        {
            LoadText(file, documents, findings, wholeFileFirst);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            documents.Clear();
            findings.Clear();
            findings.Add(InputFindings.InternalError(file.Path, "while loading the file", ex));
        }

        return new LoadedFile(file, documents, findings);
    }

    private static void LoadText(SourceFile file, List<LoadedDocument> documents, List<Finding> findings, bool wholeFileFirst)
    {
        // YamlDotNet keeps a byte-order mark as part of the first key; positions stay file offsets by skipping it.
        var text = file.Text!;
        var skipped = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
        if (skipped > 0)
        {
            text = text.Substring(skipped);
        }

        var actions = TemplateDetector.FindActions(text);
        if (actions.FirstOrDefault(a => a.IsHelm) is { Text: not null } helm)
        {
            findings.Add(Template(file, text, helm, isHelm: true));
            return;
        }

        var chunks = DocumentChunker.Split(text).ToList();
        if (!(wholeFileFirst && chunks.Count > 1 && LoadWhole(file, text, chunks, skipped, documents)))
        {
            foreach (var chunk in chunks)
            {
                foreach (var root in LoadChunk(file, chunk, findings).Where(r => !IsEmpty(r)))
                {
                    if (chunk.Contains("<<"))
                    {
                        MergeKeys.Resolve(root);
                    }

                    documents.Add(new LoadedDocument(file, documents.Count, root, chunk.LineOffset, chunk.IndexOffset + skipped));
                }
            }
        }

        // Go template actions in a file that is otherwise valid YAML are fine inside string values (alerting rules);
        // anywhere else, or in a file that does not parse, they make the file a template.
        if (actions.Count > 0 && (findings.Count > 0 || FirstOutsideScalars(actions, documents, skipped) is not null))
        {
            var first = findings.Count > 0 ? actions[0] : FirstOutsideScalars(actions, documents, skipped)!.Value;
            documents.Clear();
            findings.Clear();
            findings.Add(Template(file, text, first, isHelm: false));
        }
    }

    // A file of several documents that parses whole is parsed by one parser: the same documents as parsing each chunk on
    // its own (one parser per document cost a parser's set-up and buffers per document). It is used only when every
    // document lies inside one chunk, a chunk of its own, and lines are counted alike (the chunker counts "\n" only,
    // YamlDotNet also a lone "\r" and the Unicode line separators); otherwise, and whenever the whole file does not
    // parse, each chunk is parsed alone, so a broken document is reported and the others are still linted.
    private static bool LoadWhole(SourceFile file, string text, List<DocumentChunk> chunks, int skipped, List<LoadedDocument> documents)
    {
        if (!OnlyNewlineBreaks(text))
        {
            return false;
        }

        var parser = new GuardedParser(new Parser(new SliceReader(text, 0, text.Length)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever went wrong, parsing each chunk on its own reports it where it is.
            return false;
        }

        if (parser.Documents.Count != stream.Documents.Count)
        {
            return false;
        }

        var placed = new List<(YamlNode Root, DocumentChunk Chunk)>();
        var c = 0;
        for (var d = 0; d < stream.Documents.Count; d++)
        {
            var (start, end) = parser.Documents[d];
            while (c < chunks.Count && chunks[c].End <= start)
            {
                c++;
            }

            if (c == chunks.Count || start < chunks[c].IndexOffset || end < start || end > chunks[c].End)
            {
                return false;
            }

            placed.Add((stream.Documents[d].RootNode, chunks[c]));

            // The next document must start in a later chunk.
            c++;
        }

        foreach (var (root, chunk) in placed.Where(p => !IsEmpty(p.Root)))
        {
            if (chunk.Contains("<<"))
            {
                MergeKeys.Resolve(root);
            }

            documents.Add(new LoadedDocument(file, documents.Count, root, chunk.LineOffset, chunk.IndexOffset + skipped, lineBase: 0, indexBase: skipped));
        }

        return true;
    }

    private static bool OnlyNewlineBreaks(string text)
    {
        if (text.IndexOfAny(UnicodeLineBreaks) >= 0)
        {
            return false;
        }

        for (var r = text.IndexOf('\r'); r >= 0; r = text.IndexOf('\r', r + 1))
        {
            if (r + 1 == text.Length || text[r + 1] != '\n')
            {
                return false;
            }
        }

        return true;
    }

    private static IReadOnlyList<YamlNode> LoadChunk(SourceFile file, DocumentChunk chunk, List<Finding> findings)
    {
        var parser = new GuardedParser(new Parser(chunk.Reader()));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);

            // A chunk normally holds one document; should the chunker miss a marker, every document is still linted.
            return stream.Documents.Select(d => d.RootNode).ToList();
        }
        catch (YamlException ex)
        {
            findings.Add(SyntaxError(file, chunk, ex));
            return [];
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet fails this way on some broken input (an unclosed flow sequence followed by a mapping key, or
            // an entry with an empty key such as ": value", which Kubernetes cannot decode either).
            var at = parser.LastStart;
            findings.Add(SyntaxError(file, chunk, new YamlException(at, at,
                "the document cannot be parsed after this point (an unclosed bracket, brace or quote is a common cause)")));
            return [];
        }
    }

    // A document with no content ("---" alone, comments only, or an explicit null) holds nothing to lint.
    private static bool IsEmpty(YamlNode root) => root is YamlScalarNode scalar && scalar.IsNull();

    private static TemplateAction? FirstOutsideScalars(IReadOnlyList<TemplateAction> actions, List<LoadedDocument> documents, int skipped)
    {
        var scalars = new List<(int Start, int End)>();
        foreach (var document in documents)
        {
            foreach (var node in YamlWalker.DistinctNodes(document.Root))
            {
                if (node is YamlScalarNode)
                {
                    var span = document.SpanOf(node);
                    scalars.Add((span.Start - skipped, span.Start - skipped + span.Length));
                }
            }
        }

        // Scalars never overlap, so the only candidate for an action is the last scalar starting at or before it.
        scalars.Sort((a, b) => a.Start.CompareTo(b.Start));
        var starts = scalars.Select(s => s.Start).ToArray();
        foreach (var action in actions)
        {
            var index = Array.BinarySearch(starts, action.Start);
            var candidate = index >= 0 ? index : ~index - 1;
            if (candidate < 0 || scalars[candidate].End < action.End)
            {
                return action;
            }
        }

        return null;
    }

    // Columns count from the first character after a byte-order mark, as editors show them.
    private static Finding Template(SourceFile file, string text, TemplateAction action, bool isHelm)
    {
        var (line, column) = TextPosition.Of(text, action.Start);
        var quoted = action.Text.Length <= 60 ? action.Text : action.Text.Substring(0, 57) + "...";
        quoted = quoted.Replace("\r", string.Empty).Replace('\n', ' ');
        var message = isHelm
            ? $"the file is a Helm template: \"{quoted}\" is a template action, not YAML; it is skipped, lint the rendered output (helm template … | dslint lint -)"
            : $"the file is a Go template: \"{quoted}\" is a template action outside any YAML string; it is skipped, lint the rendered output (… | dslint lint -)";
        var endColumn = action.Text.IndexOf('\n') is var newline and >= 0 ? column + newline : column + action.Length;
        return InputFindings.Create(RuleIds.TemplateSkipped, file.Path, message, line, column, endColumn);
    }

    private static Finding SyntaxError(SourceFile file, DocumentChunk chunk, YamlException ex)
    {
        var (chunkLine, column) = ex.Message.IndexOf("tab", StringComparison.Ordinal) >= 0 && FirstIndentingTab(chunk) is { } tab
            ? tab
            : ((int)ex.Start.Line, (int)ex.Start.Column);
        var line = Math.Max(1, chunkLine + chunk.LineOffset);
        column = Math.Max(1, column);
        var endColumn = ex.End.Line == ex.Start.Line && ex.End.Column > ex.Start.Column && column == ex.Start.Column ? (int)ex.End.Column : column + 1;
        var message = ex is YamlLimitException
            ? $"YAML document rejected: {ex.Message}; this document is skipped"
            : $"YAML syntax error: {Describe(ex.Message)}; this document is skipped";
        return InputFindings.Create(RuleIds.YamlSyntaxError, file.Path, message, line, column, endColumn);
    }

    // YamlDotNet reports a tab in indentation at the start of the enclosing mapping; the tab itself is more useful.
    private static (int Line, int Column)? FirstIndentingTab(DocumentChunk chunk)
    {
        var text = chunk.Source;
        var line = 1;
        var lineStart = chunk.IndexOffset;
        for (var i = chunk.IndexOffset; i < chunk.End; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '\t' && text.Substring(lineStart, i - lineStart).Trim(' ', '-').Length == 0)
            {
                return (line, i - lineStart + 1);
            }
        }

        return null;
    }

    // YamlDotNet's messages are sentences ("While scanning a mapping, found invalid tab as indentation."); ours
    // follow the house style: lowercase start, no final period, and a hint for the usual causes.
    private static string Describe(string message)
    {
        var text = message.Trim().TrimEnd('.');
        if (text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]))
        {
            text = char.ToLowerInvariant(text[0]) + text.Substring(1);
        }

        if (text.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            text += " (YAML indentation must use spaces, not tabs)";
        }

        return text;
    }
}
