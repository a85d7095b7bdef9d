namespace DualStack.Lsp.Tests;

/// <summary>A workspace folder under the temp directory, deleted afterwards.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "dslint-lsp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Root);

        // Stop editorconfig discovery here, so settings of folders above the temp directory cannot leak in.
        File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n");
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Uri(string relativePath) => Uris.Of(Path.Combine(Root, relativePath));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
