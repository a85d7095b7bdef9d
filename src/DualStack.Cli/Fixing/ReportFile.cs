using System.Text;

namespace DualStack.Cli.Fixing;

/// <summary>
/// <c>--output</c>: a regular file (or a new one) is replaced atomically; anything else is written through, because
/// replacing it would be wrong: a device node (<c>/dev/null</c>) must stay a device, and <c>/dev/stdout</c> names the
/// handle the shell opened (a pipe, a terminal, or a file opened by <c>&gt;&gt;</c> for appending).
/// </summary>
internal static class ReportFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, string text)
    {
        if (!WritesThrough(path))
        {
            AtomicFile.WriteAllText(path, text, Utf8);
            return;
        }

        // Append: for a terminal, pipe or device it is the same as writing, and a file opened with >> keeps its content.
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var bytes = Utf8.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
    }

    /// <summary>True when the path is not (a link to) a regular file or a new file, or leads through a process's file descriptors.</summary>
    internal static bool WritesThrough(string path)
    {
        var current = Path.GetFullPath(path);
        for (var hop = 0; hop < 40; hop++)
        {
            if (current.StartsWith("/proc/", StringComparison.Ordinal) || current.StartsWith("/dev/fd/", StringComparison.Ordinal))
            {
                return true;
            }

            if (new FileInfo(current).LinkTarget is not { } next)
            {
                break;
            }

            current = Path.GetFullPath(next, Path.GetDirectoryName(current)!);
        }

        var status = Manifests.FileStatus.Of(current);
        return !status.IsRegularOrUnknown && status.Kind is not (Manifests.FileKind.Missing or Manifests.FileKind.Directory);
    }
}
