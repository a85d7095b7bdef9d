using System.Text;

namespace DualStack.Cli.Fixing;

/// <summary>
/// Writes a file so that readers see either the old or the new content, never a half-written one: a temporary file in
/// the same folder (same file system, so the move is a rename), verified, then moved over the target. Unix permissions
/// of an existing target are kept, and a symbolic link is followed (the file it points to is replaced, the link stays).
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text, Encoding encoding)
    {
        var full = FinalTarget(path);
        var temp = WriteVerifiedTemp(full, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        try
        {
            ReplaceWith(temp, full);
        }
        finally
        {
            TempFiles.Delete(temp);
        }
    }

    /// <summary>The file a path finally names: symbolic links followed, so the link itself survives a replacement.</summary>
    public static string FinalTarget(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : full;
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to a new temporary file beside <paramref name="target"/>, flushed to disk and read
    /// back to check it holds exactly those bytes, and returns its path (registered with <see cref="TempFiles"/>).
    /// </summary>
    public static string WriteVerifiedTemp(string target, byte[] bytes)
    {
        var stream = TempFiles.Create(target, out var temp);
        try
        {
            using (stream)
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            if (!File.ReadAllBytes(temp).AsSpan().SequenceEqual(bytes))
            {
                throw new IOException($"the temporary copy '{temp}' did not read back as written");
            }

            return temp;
        }
        catch
        {
            TempFiles.Delete(temp);
            throw;
        }
    }

    /// <summary>Renames <paramref name="temp"/> over <paramref name="target"/>, giving it the target's permissions first.</summary>
    public static void ReplaceWith(string temp, string target)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(target))
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
        }

        File.Move(temp, target, overwrite: true);
        TempFiles.Forget(temp);
    }
}
