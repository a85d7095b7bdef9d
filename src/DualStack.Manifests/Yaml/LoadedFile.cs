using DualStack.Rules;

namespace DualStack.Manifests.Yaml;

/// <summary>The documents of one file and the findings its loading produced (DS0xxx).</summary>
public sealed record LoadedFile(SourceFile File, IReadOnlyList<LoadedDocument> Documents, IReadOnlyList<Finding> Findings);
