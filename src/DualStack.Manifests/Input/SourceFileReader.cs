using System.Globalization;
using System.Text;

namespace DualStack.Manifests;

/// <summary>
/// Reads an input for the engine, the same way in every front end: at most <see cref="MaxBytes"/> bytes (a larger
/// file is not read at all), binary files and invalid UTF-8 refused with a clear reason (DS0002), a UTF-8 byte-order
/// mark dropped, UTF-16 with a byte-order mark decoded. Never throws for I/O problems: they become
/// <see cref="SourceFile.ReadError"/>.
/// </summary>
/// <remarks>
/// Invalid UTF-8 is refused rather than decoded with replacement characters: a replaced byte silently changes a value
/// (an IP address, a name) that the checks would then judge, and Kubernetes itself rejects such a manifest.
/// </remarks>
public sealed class SourceFileReader
{
    /// <summary>10 MB: far above any real manifest (the largest CRD bundles are a few MB), far below trouble.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public SourceFileReader(long maxBytes = DefaultMaxBytes)
    {
        if (maxBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The size limit must be positive.");
        }

        MaxBytes = maxBytes;
    }

    public static SourceFileReader Default { get; } = new();

    /// <summary>Files larger than this are reported, not read.</summary>
    public long MaxBytes { get; }

    /// <summary>Reads the file at <paramref name="path"/>; findings name it <paramref name="displayPath"/> (default: the path).</summary>
    public SourceFile Read(string path, string? displayPath = null)
    {
        var name = displayPath ?? path;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return SourceFile.Unreadable(name, Directory.Exists(path) ? "the path is a directory, not a file" : "the file does not exist");
            }

            // The length is known without reading: a huge file costs nothing.
            if (info.Length > MaxBytes)
            {
                return TooLarge(name, info.Length);
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
            return Read(stream, name);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return SourceFile.Unreadable(name, $"the file could not be read: {ex.Message.Trim().TrimEnd('.')}");
        }
    }

    /// <summary>Reads a stream (standard input, say) up to the size limit.</summary>
    public SourceFile Read(Stream stream, string displayPath)
    {
        try
        {
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);

                // Stop one byte past the limit: enough to know the input is too large, without reading it all.
                if (buffer.Length > MaxBytes)
                {
                    return TooLarge(displayPath, null);
                }
            }

            return Decode(buffer.GetBuffer(), (int)buffer.Length, displayPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            return SourceFile.Unreadable(displayPath, $"the input could not be read: {ex.Message.Trim().TrimEnd('.')}");
        }
    }

    /// <summary>Turns bytes into a <see cref="SourceFile"/>: decoded text, or the reason it is not text.</summary>
    public static SourceFile Decode(byte[] bytes, int length, string displayPath)
    {
        // UTF-16 needs its byte-order mark (YAML allows it); without one, NUL bytes mean binary.
        if (length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return SourceFile.FromText(displayPath, utf16.GetString(bytes, 2, length - 2));
        }

        var nul = Array.IndexOf(bytes, (byte)0, 0, length);
        if (nul >= 0)
        {
            return SourceFile.Unreadable(displayPath, $"the file is binary, not text (a NUL byte at offset {nul}); only YAML and JSON files can be linted");
        }

        var start = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return SourceFile.FromText(displayPath, StrictUtf8.GetString(bytes, start, length - start));
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(0, ex.Index);
            var line = 1;
            for (var i = 0; i < offset && i < length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                }
            }

            var bad = ex.BytesUnknown is { Length: > 0 } unknown ? $"0x{unknown[0]:X2}" : "a byte";
            return SourceFile.Unreadable(displayPath, $"the file is not valid UTF-8 ({bad} at byte offset {offset}, line {line}); save it as UTF-8, the encoding YAML and Kubernetes expect");
        }
    }

    private SourceFile TooLarge(string displayPath, long? size) =>
        SourceFile.Unreadable(displayPath, size is { } known
            ? $"the file is {Size(known, exact: true)}, over the {Size(MaxBytes, exact: false)} size limit; it was not read"
            : $"the input is over the {Size(MaxBytes, exact: false)} size limit; it was not read");

    private static string Size(long bytes, bool exact)
    {
        const long Megabyte = 1024 * 1024;
        if (bytes < Megabyte)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
        }

        var megabytes = (bytes / (double)Megabyte).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
        return exact ? $"{megabytes} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)" : megabytes;
    }
}
