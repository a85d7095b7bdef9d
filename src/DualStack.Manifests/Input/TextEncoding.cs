namespace DualStack.Manifests;

/// <summary>The encodings an input is read in: UTF-8 (with or without byte-order mark), and UTF-16 or UTF-32 with one.</summary>
public enum TextEncoding
{
    Utf8,
    Utf8WithBom,
    Utf16LittleEndian,
    Utf16BigEndian,
    Utf32LittleEndian,
    Utf32BigEndian,
}

/// <summary>
/// The one place that knows byte-order marks: <see cref="SourceFileReader"/> detects them, and a front end that
/// writes a fixed file back gets the matching <see cref="System.Text.Encoding"/> (which writes the same mark).
/// </summary>
public static class TextEncodings
{
    /// <summary>The encoding announced by the first bytes and the length of its byte-order mark (UTF-8 without one: 0).</summary>
    public static (TextEncoding Encoding, int BomLength) Detect(byte[] bytes, int length)
    {
        // UTF-32 LE starts with the UTF-16 LE mark, so it is tested first.
        if (length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
        {
            return (TextEncoding.Utf32LittleEndian, 4);
        }

        if (length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
        {
            return (TextEncoding.Utf32BigEndian, 4);
        }

        if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (TextEncoding.Utf16LittleEndian, 2);
        }

        if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (TextEncoding.Utf16BigEndian, 2);
        }

        if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (TextEncoding.Utf8WithBom, 3);
        }

        return (TextEncoding.Utf8, 0);
    }

    /// <summary>
    /// A strict encoding for <paramref name="encoding"/>: it writes the byte-order mark (through
    /// <see cref="System.Text.Encoding.GetPreamble"/>) when the file had one, and throws on invalid input instead of
    /// replacing it.
    /// </summary>
    public static System.Text.Encoding ToEncoding(TextEncoding encoding) => encoding switch
    {
        TextEncoding.Utf8WithBom => new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true),
        TextEncoding.Utf16LittleEndian => new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true),
        TextEncoding.Utf16BigEndian => new System.Text.UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true),
        TextEncoding.Utf32LittleEndian => new System.Text.UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: true),
        TextEncoding.Utf32BigEndian => new System.Text.UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: true),
        _ => new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
    };
}
