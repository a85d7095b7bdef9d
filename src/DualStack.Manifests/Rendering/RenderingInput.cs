namespace DualStack.Manifests.Rendering;

/// <summary>One input of a run as rendering sees it: what the engine lints, and where it is on disk (null for standard input).</summary>
public sealed record RenderingInput(SourceFile Source, string? FullPath);
