using System.Text;

namespace DualStack.Cli.Input;

/// <summary>One input of a run: where it came from, how it is shown, and how to write it back for <c>--fix</c>.</summary>
/// <param name="DisplayPath">The path printed in findings: relative to the current directory when below it.</param>
/// <param name="FullPath">The absolute path on disk; for standard input, the path it is configured as.</param>
/// <param name="IsStandardInput">True for <c>-</c>: never written back.</param>
/// <param name="Text">The decoded text, or null when it could not be read.</param>
/// <param name="ReadError">Why the text is null.</param>
/// <param name="Encoding">The encoding the text was decoded with (kept so a fixed file is written the same way).</param>
internal sealed record InputFile(
    string DisplayPath,
    string FullPath,
    bool IsStandardInput,
    string? Text,
    string? ReadError,
    Encoding Encoding)
{
    public DualStack.Manifests.SourceFile ToSourceFile() =>
        Text is null
            ? DualStack.Manifests.SourceFile.Unreadable(DisplayPath, ReadError ?? "the file could not be read")
            : DualStack.Manifests.SourceFile.FromText(DisplayPath, Text);
}
