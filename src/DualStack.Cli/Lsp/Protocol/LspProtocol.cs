using System.Text.Json;
using System.Text.Json.Serialization;

// The subset of LSP 3.17 that `dslint lsp` speaks, as plain records in one place. Property names follow the
// specification through the camelCase naming policy of LspJson; nulls are left out when writing.
namespace DualStack.Cli.Lsp.Protocol;

internal static class LspMethods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string DidOpen = "textDocument/didOpen";
    public const string DidChange = "textDocument/didChange";
    public const string DidSave = "textDocument/didSave";
    public const string DidClose = "textDocument/didClose";
    public const string CodeAction = "textDocument/codeAction";
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";
    public const string DidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string DidChangeWorkspaceFolders = "workspace/didChangeWorkspaceFolders";
    public const string DidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string RegisterCapability = "client/registerCapability";

    /// <summary>What the tolerant formatter turns an unreadable or unexpected message into (logged, never answered).</summary>
    public const string InvalidMessage = "$/dslint/invalidMessage";
}

internal static class LspErrorCodes
{
    public const int ServerNotInitialized = -32002;
    public const int InvalidRequest = -32600;
}

internal sealed record Position(int Line, int Character);

internal sealed record Range(Position Start, Position End);

internal sealed record TextDocumentIdentifier(string Uri);

internal sealed record VersionedTextDocumentIdentifier(string Uri, int? Version);

internal sealed record TextDocumentItem(string Uri, string? LanguageId, int Version, string Text);

internal sealed record WorkspaceFolder(string Uri, string? Name);

internal sealed record InitializeParams
{
    public int? ProcessId { get; init; }

    public string? RootUri { get; init; }

    public string? RootPath { get; init; }

    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }

    public JsonElement? Capabilities { get; init; }

    public LspInitializationOptions? InitializationOptions { get; init; }
}

/// <summary>dslint's own settings, given by the editor in <c>initializationOptions</c>.</summary>
internal sealed record LspInitializationOptions
{
    /// <summary>How long to wait after an edit before re-linting; a newer edit restarts the wait.</summary>
    public int? DebounceMilliseconds { get; init; }
}

internal sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

internal sealed record ServerInfo(string Name, string Version);

internal sealed record ServerCapabilities
{
    public string PositionEncoding { get; init; } = "utf-16";

    public required TextDocumentSyncOptions TextDocumentSync { get; init; }

    public required CodeActionOptions CodeActionProvider { get; init; }

    public required WorkspaceServerCapabilities Workspace { get; init; }
}

internal sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);

internal sealed record SaveOptions(bool IncludeText);

internal sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds);

internal sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities WorkspaceFolders);

internal sealed record WorkspaceFoldersServerCapabilities(bool Supported, bool ChangeNotifications);

internal static class TextDocumentSyncKind
{
    public const int Full = 1;
    public const int Incremental = 2;
}

internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

/// <summary>A whole-text change when <see cref="Range"/> is null, else the replacement of that range.</summary>
internal sealed record TextDocumentContentChangeEvent(Range? Range, string Text);

internal sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text);

internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<Diagnostic> Diagnostics);

internal sealed record Diagnostic
{
    public required Range Range { get; init; }

    public int Severity { get; init; }

    public required string Code { get; init; }

    public CodeDescription? CodeDescription { get; init; }

    public string Source { get; init; } = "dslint";

    public required string Message { get; init; }
}

internal sealed record CodeDescription(string Href);

internal static class DiagnosticSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
    public const int Hint = 4;
}

internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context);

internal sealed record CodeActionContext(IReadOnlyList<Diagnostic>? Diagnostics, IReadOnlyList<string>? Only);

internal sealed record CodeAction
{
    public required string Title { get; init; }

    public string Kind { get; init; } = CodeActionKinds.QuickFix;

    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }

    public bool? IsPreferred { get; init; }

    public required WorkspaceEdit Edit { get; init; }
}

internal static class CodeActionKinds
{
    public const string QuickFix = "quickfix";
}

internal sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

internal sealed record TextEdit(Range Range, string NewText);

internal sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

internal sealed record FileEvent(string Uri, int Type);

internal sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);

internal sealed record WorkspaceFoldersChangeEvent(IReadOnlyList<WorkspaceFolder> Added, IReadOnlyList<WorkspaceFolder> Removed);

internal sealed record RegistrationParams(IReadOnlyList<Registration> Registrations);

internal sealed record Registration(string Id, string Method, object? RegisterOptions);

internal sealed record DidChangeWatchedFilesRegistrationOptions(IReadOnlyList<FileSystemWatcher> Watchers);

internal sealed record FileSystemWatcher(string GlobPattern);

internal sealed record InvalidMessageParams(string Reason);

/// <summary>The serializer settings of every message: camelCase names, nulls left out.</summary>
internal static class LspJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.PropertyNameCaseInsensitive = true;
    }
}
