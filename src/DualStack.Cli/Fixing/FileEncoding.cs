using System.Text;

namespace DualStack.Cli.Fixing;

/// <summary>
/// The encoding to write a fixed file back in: the reader drops a byte-order mark, so it is read again from the file's
/// first bytes (UTF-8 with or without BOM, UTF-16 with BOM, the encodings the reader accepts).
/// </summary>
internal static class FileEncoding
{
    public static Encoding Detect(string path)
    {
        var head = new byte[3];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.Read(head, 0, head.Length);
        }

        return (read, head[0], head[1], head[2]) switch
        {
            (3, 0xEF, 0xBB, 0xBF) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            ( >= 2, 0xFF, 0xFE, _) => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            ( >= 2, 0xFE, 0xFF, _) => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
    }
}
