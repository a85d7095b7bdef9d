namespace DualStack.Manifests.Tests.Configuration;

/// <summary>Files of a <see cref="TempFolder"/> as the engine's inputs.</summary>
internal static class TempFolderSources
{
    /// <summary>The file at <paramref name="relativePath"/>, with its full path, as a <see cref="SourceFile"/>.</summary>
    public static SourceFile Source(this TempFolder folder, string relativePath)
    {
        var full = System.IO.Path.Combine(folder.Path, relativePath);
        return SourceFile.FromText(full, File.ReadAllText(full));
    }
}
