using System.Text;

namespace DualStack.Cli.Input;

/// <summary>
/// Reads one input as text, or says why it cannot be linted (reported as DS0002 by the engine): too large, binary,
/// not valid UTF-8/UTF-16, or an I/O error. A minimal private reader: the engine's shared reader is being written on
/// another branch and replaces this one when it lands.
/// </summary>
internal static class TextFileReader
{
    /// <summary>Manifests are small; anything over this is almost certainly not one (and would slow the run down).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding StrictUtf8WithBom = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    public static (string? Text, string? Error, Encoding Encoding) ReadFile(string fullPath)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > MaxBytes)
            {
                return (null, $"the file is {info.Length:N0} bytes, over the {MaxBytes:N0}-byte limit for a manifest; it was not linted", StrictUtf8);
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, "the file cannot be read: " + ex.Message, StrictUtf8);
        }

        return Decode(bytes);
    }

    public static (string? Text, string? Error, Encoding Encoding) ReadStream(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (buffer.Length > MaxBytes)
        {
            return (null, $"standard input is {buffer.Length:N0} bytes, over the {MaxBytes:N0}-byte limit for a manifest; it was not linted", StrictUtf8);
        }

        return Decode(buffer.ToArray());
    }

    internal static (string? Text, string? Error, Encoding Encoding) Decode(byte[] bytes)
    {
        Encoding encoding;
        int preamble;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            (encoding, preamble) = (StrictUtf8WithBom, 3);
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            (encoding, preamble) = (new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true), 2);
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            (encoding, preamble) = (new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true), 2);
        }
        else
        {
            // Without a byte order mark, a NUL byte means binary content (YAML text never holds one).
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                return (null, "the file is binary, not YAML or JSON text; it was not linted", StrictUtf8);
            }

            (encoding, preamble) = (StrictUtf8, 0);
        }

        try
        {
            var text = encoding.GetString(bytes, preamble, bytes.Length - preamble);
            return text.IndexOf('\0') >= 0
                ? (null, "the file is binary, not YAML or JSON text; it was not linted", encoding)
                : (text, null, encoding);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"the file is not valid {encoding.WebName.ToUpperInvariant()} text; it was not linted", encoding);
        }
    }
}
