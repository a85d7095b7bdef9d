using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Cli.Lsp.Linting;

/// <summary>The lint of one document's text: its findings, and whether it is a manifest at all.</summary>
/// <param name="Text">The exact text linted; fixes' offsets refer to it.</param>
/// <param name="Findings">Findings of this document, all severities but <see cref="Severity.None"/>.</param>
/// <param name="IsManifest">True when it holds Kubernetes objects or cluster configuration (or looks like it while broken).</param>
/// <param name="ClusterConfig">The loaded text when it holds cluster configuration, for the documents that depend on it.</param>
internal sealed record DocumentLintResult(string Text, IReadOnlyList<Finding> Findings, bool IsManifest, LoadedFile? ClusterConfig);
