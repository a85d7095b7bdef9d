namespace DualStack.Cli.Lsp.Documents;

/// <summary>A document's URI as the editor sent it (always used when answering) and, for <c>file:</c> URIs, its path.</summary>
internal sealed record DocumentLocation(string Uri, string? LocalPath)
{
    /// <summary>The name findings carry: the local path, or the URI for unsaved buffers.</summary>
    public string EnginePath => LocalPath ?? Uri;

    public bool IsJson => Extension == ".json";

    /// <summary>Only YAML and JSON files can hold manifests or cluster configuration.</summary>
    public bool IsLintable => Extension is ".yaml" or ".yml" or ".json";

    private string Extension
    {
        get
        {
            var name = LocalPath ?? Uri;
            var query = name.IndexOfAny(['?', '#']);
            return Path.GetExtension(query >= 0 && LocalPath is null ? name[..query] : name).ToLowerInvariant();
        }
    }

    public static DocumentLocation FromUri(string uri)
    {
        if (System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
        {
            try
            {
                return new DocumentLocation(uri, Path.GetFullPath(parsed.LocalPath));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return new DocumentLocation(uri, null);
            }
        }

        return new DocumentLocation(uri, null);
    }

    /// <summary>The <c>file:</c> URI of a local path (for files the server finds itself).</summary>
    public static string UriOf(string path) => new Uri(path).AbsoluteUri;
}
