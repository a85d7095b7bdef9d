using DualStack.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Yaml;

/// <summary>
/// Splits a file into its YAML documents and parses each on its own, so one broken document is reported (DS0001)
/// while the others are still linted. Document markers (<c>---</c>, <c>...</c>) only count at column 1, which is
/// where YAML allows them.
/// </summary>
public static class YamlLoader
{
    public static LoadedFile Load(SourceFile file)
    {
        var documents = new List<LoadedDocument>();
        var findings = new List<Finding>();
        if (file.Text is null)
        {
            findings.Add(new Finding
            {
                RuleId = RuleIds.UnreadableInput,
                Severity = RuleCatalog.Get(RuleIds.UnreadableInput).DefaultSeverity,
                Message = file.ReadError ?? "the file could not be read",
                File = file.Path,
            });
            return new LoadedFile(file, documents, findings);
        }

        foreach (var chunk in DocumentChunker.Split(file.Text))
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(chunk.Text));
                foreach (var document in stream.Documents)
                {
                    documents.Add(new LoadedDocument(file, documents.Count, document.RootNode, chunk.LineOffset, chunk.IndexOffset));
                }
            }
            catch (YamlException ex)
            {
                findings.Add(SyntaxError(file, chunk, ex));
            }
        }

        return new LoadedFile(file, documents, findings);
    }

    private static Finding SyntaxError(SourceFile file, DocumentChunk chunk, YamlException ex)
    {
        var line = (int)ex.Start.Line + chunk.LineOffset;
        var column = Math.Max(1, (int)ex.Start.Column);
        return new Finding
        {
            RuleId = RuleIds.YamlSyntaxError,
            Severity = RuleCatalog.Get(RuleIds.YamlSyntaxError).DefaultSeverity,
            Message = "YAML syntax error: " + ex.Message.Trim() + "; this document is skipped",
            File = file.Path,
            Line = Math.Max(1, line),
            Column = column,
            EndLine = Math.Max(1, line),
            EndColumn = column + 1,
        };
    }
}
