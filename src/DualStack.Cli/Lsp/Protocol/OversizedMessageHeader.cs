using System.Buffers;
using System.Text;

namespace DualStack.Cli.Lsp.Protocol;

/// <summary>
/// Recognizes a header block that announces a message over <see cref="MaxMessageBytes"/>. StreamJsonRpc buffers a
/// whole message before it parses it, so a client that announces (or a stray byte sequence that reads as)
/// <c>Content-Length: 2000000000</c> would make the server hold up to 2 GB; such a message is dropped as it arrives
/// instead. Anything this does not recognize for certain is left to StreamJsonRpc and the resynchronizing handler.
/// </summary>
internal static class OversizedMessageHeader
{
    /// <summary>Far above any real LSP message (a document over 10 MB is reported, not linted; see DS0002).</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    // A header block longer than this is not a real one: left to the handler, which skips malformed lines.
    private const int MaxHeaderBytes = 4096;

    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    public enum Verdict
    {
        /// <summary>Not a header block of an oversized message (or not a well-formed header block at all).</summary>
        NotOversized,

        /// <summary>The header block has not fully arrived yet.</summary>
        Incomplete,

        /// <summary>A well-formed header block announcing more than <see cref="MaxMessageBytes"/>.</summary>
        Oversized,
    }

    public static Verdict Inspect(ReadOnlySequence<byte> buffer, bool inputEnded, out long contentLength, out SequencePosition bodyStart)
    {
        contentLength = 0;
        bodyStart = buffer.Start;
        var window = buffer.Slice(0, Math.Min(buffer.Length, MaxHeaderBytes));
        var reader = new SequenceReader<byte>(window);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> block, HeaderEnd))
        {
            return inputEnded || buffer.Length >= MaxHeaderBytes ? Verdict.NotOversized : Verdict.Incomplete;
        }

        int? length = null;
        foreach (var line in Encoding.ASCII.GetString(block).Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IsHeaderName(line.AsSpan(0, colon)))
            {
                return Verdict.NotOversized;
            }

            if (line.AsSpan(0, colon).Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                // Beyond int, StreamJsonRpc rejects the header as malformed, and the handler skips it line by line.
                if (!int.TryParse(line.AsSpan(colon + 1).Trim(), out var value))
                {
                    return Verdict.NotOversized;
                }

                length = value;
            }
        }

        if (length is not > MaxMessageBytes)
        {
            return Verdict.NotOversized;
        }

        contentLength = length.Value;
        bodyStart = reader.Position;
        return Verdict.Oversized;
    }

    private static bool IsHeaderName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
