namespace DualStack.Manifests.Tests.Configuration;

/// <summary>A fresh folder under the system temp folder for configuration tests, deleted afterwards.</summary>
internal sealed class ConfigFolder : IDisposable
{
    public ConfigFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dslint-config-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>The manifest at <paramref name="relativePath"/> as the engine's input.</summary>
    public SourceFile Source(string relativePath)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        return SourceFile.FromText(full, File.ReadAllText(full));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
