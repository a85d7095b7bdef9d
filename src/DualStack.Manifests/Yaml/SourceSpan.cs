namespace DualStack.Manifests.Yaml;

/// <summary>A range of a file: 1-based lines and columns (end exclusive) and the 0-based character offset and length.</summary>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn, int Start, int Length);
