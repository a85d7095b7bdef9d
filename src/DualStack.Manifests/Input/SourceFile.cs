namespace DualStack.Manifests;

/// <summary>One input: the path to report and its text. Front ends read files; the engine never touches the disk.</summary>
/// <param name="Path">Path as it should appear in findings (relative to the working directory when possible).</param>
/// <param name="Text">The decoded text, or null when the file could not be read as text.</param>
/// <param name="ReadError">Why the file could not be linted (unreadable, binary, too large), when <paramref name="Text"/> is null.</param>
public sealed record SourceFile(string Path, string? Text, string? ReadError = null)
{
    /// <summary>The encoding the bytes were in (byte-order mark included), so a fix writes the file back the same way.</summary>
    public TextEncoding Encoding { get; init; } = TextEncoding.Utf8;

    /// <summary>
    /// Why writing <see cref="Text"/> back would not give the original bytes (a lone UTF-16 surrogate was decoded as
    /// U+FFFD), or null when it would: <c>--fix</c> refuses to rewrite such a file.
    /// </summary>
    public string? NotRoundTrippable { get; init; }

    public static SourceFile FromText(string path, string text) => new(path, text);

    public static SourceFile Unreadable(string path, string reason) => new(path, null, reason);
}
