namespace DualStack.Manifests;

/// <summary>One input: the path to report and its text. Front ends read files; the engine never touches the disk.</summary>
/// <param name="Path">Path as it should appear in findings (relative to the working directory when possible).</param>
/// <param name="Text">The decoded text, or null when the file could not be read as text.</param>
/// <param name="ReadError">Why the file could not be linted (unreadable, binary, too large), when <paramref name="Text"/> is null.</param>
public sealed record SourceFile(string Path, string? Text, string? ReadError = null)
{
    public static SourceFile FromText(string path, string text) => new(path, text);

    public static SourceFile Unreadable(string path, string reason) => new(path, null, reason);
}
