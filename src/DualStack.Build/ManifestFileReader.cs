using DualStack.Manifests;

namespace DualStack.Build;

/// <summary>Reads one manifest into a <see cref="SourceFile"/>; an unreadable file becomes a DS0002 finding, not an exception.</summary>
internal static class ManifestFileReader
{
    public static SourceFile Read(string path)
    {
        try
        {
            return SourceFile.FromText(path, File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return SourceFile.Unreadable(path, $"cannot read the file: {ex.Message}");
        }
    }
}
