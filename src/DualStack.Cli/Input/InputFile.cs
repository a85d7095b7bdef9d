using DualStack.Manifests;

namespace DualStack.Cli.Input;

/// <summary>One input of a run: where it came from and what the engine sees of it.</summary>
/// <param name="Source">What the engine lints: the display path (relative to the current directory when below it) and the text or read error.</param>
/// <param name="FullPath">The absolute path on disk; for standard input, the path its configuration is looked up as.</param>
/// <param name="IsStandardInput">True for <c>-</c>: never written back by <c>--fix</c>.</param>
internal sealed record InputFile(SourceFile Source, string FullPath, bool IsStandardInput)
{
    public string DisplayPath => Source.Path;
}
