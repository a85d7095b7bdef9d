using System.Globalization;
using DualStack.Cli.Input;
using DualStack.Manifests;

namespace DualStack.Cli.Fixing;

/// <summary>
/// Writes a fixed text back to the file it was read from, only when that is safe: the file is still a regular,
/// writable file holding exactly the text that was linted, its bytes can be reproduced (no lone surrogate), and
/// replacing it keeps what the user owns. A replacement is a verified temporary copy renamed over the file; where a
/// rename would change the file's owner or group or break its hard links, the verified bytes are written into the file
/// in place instead. Every refusal is a reason for the user, never an exception: one file cannot stop a run.
/// </summary>
internal static class FixedFileWriter
{
    // Any of the write bits (0222): a file without them was made read-only on purpose, even if root could write it.
    private const uint WriteBits = 0x92;

    /// <returns>Null when the file was rewritten, else why it was left as it is.</returns>
    public static string? TryWrite(InputFile input, string lintedText, string newText)
    {
        if (input.Source.NotRoundTrippable is { } reason)
        {
            return reason;
        }

        try
        {
            var target = AtomicFile.FinalTarget(input.FullPath);
            var status = FileStatus.Of(target);
            if (!status.IsRegularOrUnknown)
            {
                return $"not a regular file: {status.Description}";
            }

            if ((status.Kind == FileKind.Regular && (status.Mode & WriteBits) == 0) || (status.Kind == FileKind.Unknown && new FileInfo(target).IsReadOnly))
            {
                return string.Create(CultureInfo.InvariantCulture, $"the file is read-only (mode {Convert.ToString(status.Mode, 8)}); make it writable to fix it");
            }

            var encoding = TextEncodings.ToEncoding(input.Source.Encoding);
            byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(newText)];
            TempFiles.RemoveStale(Path.GetDirectoryName(target)!);
            string temp;
            try
            {
                temp = AtomicFile.WriteVerifiedTemp(target, bytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return "no temporary copy could be written beside it (" + Message(ex) + ")";
            }

            try
            {
                return Replace(input, lintedText, target, status, temp, bytes);
            }
            finally
            {
                TempFiles.Delete(temp);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.EncoderFallbackException)
        {
            return "it could not be written (" + Message(ex) + ")";
        }
    }

    private static string? Replace(InputFile input, string lintedText, string target, FileStatus status, string temp, byte[] bytes)
    {
        // Another run or an editor may have written the file since it was read: their edit wins, this fix waits.
        // Any size limit that fits the linted text will do: a file that grew past it has changed anyway.
        var now = new SourceFileReader(Math.Max(SourceFileReader.DefaultMaxBytes, (4L * lintedText.Length) + 4)).Read(target);
        if (now.Text != lintedText || now.Encoding != input.Source.Encoding)
        {
            return "the file changed after it was linted; run dslint again";
        }

        var tempStatus = FileStatus.Of(temp);
        var inPlace = status.Kind == FileKind.Regular &&
            (status.LinkCount > 1 || tempStatus.UserId != status.UserId || tempStatus.GroupId != status.GroupId);
        if (!inPlace)
        {
            AtomicFile.ReplaceWith(temp, target);
            return null;
        }

        // Same inode: owner, group, mode and every hard link stay as they are.
        using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(bytes, 0, bytes.Length);
        stream.SetLength(bytes.Length);
        stream.Flush(flushToDisk: true);
        return null;
    }

    private static string Message(Exception ex) => ex.Message.Trim().TrimEnd('.');
}
