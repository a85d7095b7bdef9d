using System.Text;
using System.Text.RegularExpressions;
using DualStack.Cli.Lsp.Documents;
using DualStack.Cli.Lsp.Workspace;
using DualStack.Manifests;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;

namespace DualStack.Cli.Lsp.Linting;

/// <summary>
/// Lints one open document with the engine, exactly as <c>dslint lint</c> would lint that file: the editorconfig
/// settings of its path and the cluster model of its workspace. The front end adds nothing but the choice of what
/// counts as a manifest: a YAML file that is neither Kubernetes nor cluster configuration stays silent.
/// </summary>
internal static class DocumentLinter
{
    // A line that starts a Kubernetes object (YAML or JSON spelling); used only while the document does not parse.
    private static readonly Regex ManifestLine = new(@"^\s*(-\s+)?""?(apiVersion|kind)""?\s*:", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static DocumentLintResult Lint(DocumentLocation location, string text, bool wasManifest, ILintConfiguration configuration, IReadOnlyList<LoadedFile> clusterContext)
    {
        var source = ToSource(location.EnginePath, text);
        var loaded = YamlLoader.Load(source);
        var holdsConfig = ClusterConfigIndex.HoldsConfig(loaded);
        var isManifest = holdsConfig
            || loaded.Documents.Any(d => KubeObjectReader.Read(d).Any())
            || (loaded.Findings.Count > 0 && (wasManifest || LooksLikeManifest(text) || source.Text is null));
        if (!isManifest)
        {
            return new DocumentLintResult(text, [], false, null);
        }

        var result = ManifestLinter.Lint([loaded], clusterContext, configuration, CheckSet.Registered);
        var own = result.Findings.Where(f => string.Equals(f.File, source.Path, StringComparison.Ordinal)).ToList();
        return new DocumentLintResult(text, own, true, holdsConfig ? loaded : null);
    }

    // The same limits as files read from disk: binary text and huge documents become DS0002, not a parse.
    private static SourceFile ToSource(string path, string text)
    {
        if (text.Length > SourceFileReader.DefaultMaxBytes / 3 && Encoding.UTF8.GetByteCount(text) > SourceFileReader.DefaultMaxBytes)
        {
            return SourceFile.Unreadable(path, $"the document is over the {SourceFileReader.DefaultMaxBytes / (1024 * 1024)} MB size limit; it was not linted");
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        return nul >= 0
            ? SourceFile.Unreadable(path, $"the document is binary, not text (a NUL character at offset {nul}); only YAML and JSON can be linted")
            : SourceFile.FromText(path, text);
    }

    private static bool LooksLikeManifest(string text)
    {
        try
        {
            return ManifestLine.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
