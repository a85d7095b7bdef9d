using DualStack.Cli.Lsp.Linting;

namespace DualStack.Cli.Lsp.Documents;

/// <summary>One document the editor has open: its text as the editor has it, and the state of its linting.</summary>
internal sealed class OpenDocument
{
    public OpenDocument(DocumentLocation location, int version, string text)
    {
        Location = location;
        Version = version;
        Text = text;
    }

    public DocumentLocation Location { get; }

    public string Uri => Location.Uri;

    /// <summary>Guards <see cref="Version"/>, <see cref="Text"/> and the scheduling fields.</summary>
    public object Gate { get; } = new();

    public int Version { get; set; }

    public string Text { get; set; }

    /// <summary>Cancels the pending or running re-lint; replaced by every edit.</summary>
    public CancellationTokenSource? PendingRun { get; set; }

    /// <summary>One lint of this document at a time.</summary>
    public SemaphoreSlim LintLock { get; } = new(1, 1);

    /// <summary>The last completed lint (of <see cref="DocumentLintResult.Text"/>), for code actions.</summary>
    public DocumentLintResult? LastResult { get; set; }

    /// <summary>Once the document held Kubernetes objects or cluster configuration, it stays a manifest while edits
    /// break its syntax, so the syntax error shows instead of the diagnostics vanishing.</summary>
    public bool WasManifest { get; set; }

    public bool Closed { get; set; }
}
