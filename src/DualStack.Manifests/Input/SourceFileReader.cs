using System.Globalization;
using System.Text;
using DualStack.Rules;

namespace DualStack.Manifests;

/// <summary>
/// Reads an input for the engine, the same way in every front end: at most <see cref="MaxBytes"/> bytes (a larger
/// file is not read at all), binary files and invalid UTF-8 refused with a clear reason (DS0002), a UTF-8 byte-order
/// mark dropped, UTF-16 and UTF-32 with a byte-order mark decoded (the encoding is kept in
/// <see cref="SourceFile.Encoding"/>), and only regular files opened (a named pipe or device is DS0002, never a hang). Never throws for I/O problems: they become
/// <see cref="SourceFile.ReadError"/>.
/// </summary>
/// <remarks>
/// Invalid UTF-8 is refused rather than decoded with replacement characters: a replaced byte silently changes a value
/// (an IP address, a name) that the checks would then judge, and Kubernetes itself rejects such a manifest.
/// </remarks>
public sealed class SourceFileReader
{
    /// <summary>10 MB unless configured (<see cref="LintOptions.MaxFileBytes"/>).</summary>
    public const long DefaultMaxBytes = LintOptions.DefaultMaxFileBytes;

    // Every front end reads the limit from the same two places; the message names both.
    private const string HowToRaise = "raise the limit with --max-file-size or dualstack_lint.max_file_size in .editorconfig";

    // Inputs up to this size are read into one buffer per thread, kept for the next input: the bytes are garbage as soon
    // as they are decoded, and a new array for every file (most above the large-object threshold) cost a full
    // collection every few dozen files of a run.
    private const int ReusedBufferBytes = 1024 * 1024;

    [ThreadStatic]
    private static byte[]? t_buffer;

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

    /// <summary>A reader with the limit of <paramref name="options"/> (the options of the file to read).</summary>
    public static SourceFileReader For(LintOptions options) =>
        options.MaxFileBytes == DefaultMaxBytes ? Default : new SourceFileReader(options.MaxFileBytes);

    /// <summary>Files larger than this are reported, not read.</summary>
    public long MaxBytes { get; }

    /// <summary>Reads the file at <paramref name="path"/>; findings name it <paramref name="displayPath"/> (default: the path).</summary>
    public SourceFile Read(string path, string? displayPath = null)
    {
        var name = displayPath ?? path;
        try
        {
            // Only regular files are opened: opening a named pipe blocks until a writer comes, a device may never end.
            var status = FileStatus.Of(path);
            if (status.Kind == FileKind.Directory)
            {
                return SourceFile.Unreadable(name, "the path is a directory, not a file");
            }

            if (!status.IsRegularOrUnknown && status.Kind != FileKind.Missing)
            {
                return SourceFile.Unreadable(name, $"not a regular file: {status.Description}; only regular files are read");
            }

            // The length is known without reading: a huge file costs nothing. (statx gave it for a regular file.)
            long length;
            if (status.Kind == FileKind.Regular && status.Size is { } size)
            {
                length = size;
            }
            else
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    return SourceFile.Unreadable(name, Directory.Exists(path) ? "the path is a directory, not a file" : "the file does not exist");
                }

                length = info.Length;
            }

            if (length > MaxBytes)
            {
                return TooLarge(name, length);
            }

            // No FileStream buffer: the file is read straight into one array of its size.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            return Read(stream, name, length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return SourceFile.Unreadable(name, $"the file could not be read: {ex.Message.Trim().TrimEnd('.')}");
        }
    }

    /// <summary>Reads a stream (standard input, say) up to the size limit.</summary>
    public SourceFile Read(Stream stream, string displayPath) => Read(stream, displayPath, expectedLength: 0);

    // Reads into one array sized for the expected length (a file's, known before reading) plus one byte, so a file
    // that did not grow costs one array of its size (or none: see ReusedBufferBytes); a stream of unknown length grows the array by doubling. Reading
    // stops one byte past the limit: enough to know the input is too large, without reading it all.
    private SourceFile Read(Stream stream, string displayPath, long expectedLength)
    {
        try
        {
            // What is read fills at most the first `capacity` bytes of the buffer (the reused one may be larger).
            var capacity = (int)(Math.Min(MaxBytes, Math.Max(expectedLength, 4095)) + 1);
            var buffer = capacity <= ReusedBufferBytes ? (t_buffer ??= new byte[ReusedBufferBytes]) : new byte[capacity];
            var length = 0;
            while (true)
            {
                if (length == capacity)
                {
                    if (length > MaxBytes)
                    {
                        return TooLarge(displayPath, null);
                    }

                    capacity = (int)Math.Min(MaxBytes + 1, capacity * 2L);
                    if (capacity > buffer.Length)
                    {
                        Array.Resize(ref buffer, capacity);
                    }
                }

                var read = stream.Read(buffer, length, capacity - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return length > MaxBytes ? TooLarge(displayPath, null) : Decode(buffer, length, displayPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            return SourceFile.Unreadable(displayPath, $"the input could not be read: {ex.Message.Trim().TrimEnd('.')}");
        }
    }

    /// <summary>Turns bytes into a <see cref="SourceFile"/>: decoded text, or the reason it is not text.</summary>
    public static SourceFile Decode(byte[] bytes, int length, string displayPath)
    {
        // UTF-16 and UTF-32 need their byte-order mark (YAML allows them); without one, NUL bytes mean binary.
        var (encoding, bomLength) = TextEncodings.Detect(bytes, length);
        if (encoding is not (TextEncoding.Utf8 or TextEncoding.Utf8WithBom))
        {
            return DecodeWide(bytes, length, bomLength, encoding, displayPath);
        }

        var nul = Array.IndexOf(bytes, (byte)0, 0, length);
        if (nul >= 0)
        {
            return SourceFile.Unreadable(displayPath, $"the file is binary, not text (a NUL byte at offset {nul}); only YAML and JSON files can be linted");
        }

        var start = bomLength;
        try
        {
            return SourceFile.FromText(displayPath, StrictUtf8.GetString(bytes, start, length - start)) with { Encoding = encoding };
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

    // A lone surrogate (or, in UTF-32, a value beyond Unicode) is linted as U+FFFD, but the file is marked so that a
    // fix never writes the replacement back over the original bytes.
    private static SourceFile DecodeWide(byte[] bytes, int length, int bomLength, TextEncoding encoding, string displayPath)
    {
        var strict = TextEncodings.ToEncoding(encoding);
        try
        {
            return SourceFile.FromText(displayPath, strict.GetString(bytes, bomLength, length - bomLength)) with { Encoding = encoding };
        }
        catch (DecoderFallbackException ex)
        {
            var lenient = encoding switch
            {
                TextEncoding.Utf16LittleEndian => Encoding.Unicode,
                TextEncoding.Utf16BigEndian => Encoding.BigEndianUnicode,
                TextEncoding.Utf32LittleEndian => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
                _ => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
            };
            var offset = bomLength + Math.Max(0, ex.Index - (ex.BytesUnknown?.Length ?? 0));
            return SourceFile.FromText(displayPath, lenient.GetString(bytes, bomLength, length - bomLength)) with
            {
                Encoding = encoding,
                NotRoundTrippable = $"the file is not valid {Name(encoding)} (a lone surrogate or invalid code point near byte offset {offset}), " +
                    "so it is linted with U+FFFD in its place and never rewritten",
            };
        }
    }

    private static string Name(TextEncoding encoding) => encoding switch
    {
        TextEncoding.Utf16LittleEndian or TextEncoding.Utf16BigEndian => "UTF-16",
        TextEncoding.Utf32LittleEndian or TextEncoding.Utf32BigEndian => "UTF-32",
        _ => "UTF-8",
    };

    private SourceFile TooLarge(string displayPath, long? size) =>
        SourceFile.Unreadable(displayPath, size is { } known
            ? $"the file is {Size(known, exact: true)}, over the {Size(MaxBytes, exact: false)} size limit; it was not read; {HowToRaise}"
            : $"the input is over the {Size(MaxBytes, exact: false)} size limit; it was not read; {HowToRaise}");

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
