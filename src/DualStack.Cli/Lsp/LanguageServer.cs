using System.Collections.Concurrent;
using System.Text.Json;
using DualStack.Cli.Lsp.Documents;
using DualStack.Cli.Lsp.Linting;
using DualStack.Cli.Lsp.Protocol;
using DualStack.Cli.Lsp.Workspace;
using StreamJsonRpc;

namespace DualStack.Cli.Lsp;

/// <summary>
/// The methods of the language server (the JSON-RPC target). Handlers only record what the editor said and schedule
/// work; linting runs on the thread pool, debounced per document, and a newer edit cancels an older run.
/// </summary>
internal sealed class LanguageServer
{
    public const int DefaultDebounceMilliseconds = 150;

    /// <summary>How long a lint waits for the workspace scan before linting without its cluster configuration (a
    /// huge folder must not delay the first diagnostics; documents linted early are linted again when it ends).</summary>
    private static readonly TimeSpan ScanWait = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly ClusterConfigIndex _cluster = new();
    private readonly EditorConfigCache _editorConfig;
    private readonly Action<string> _log;
    private readonly UnansweredRequests _unanswered;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private JsonRpc? _rpc;
    private Task _scan = Task.CompletedTask;
    private int _lintedBeforeScan;
    private int _debounceMilliseconds = DefaultDebounceMilliseconds;
    private bool _initialized;
    private volatile bool _shutdown;
    private bool _dynamicWatchers;

    public LanguageServer(Action<string> log, UnansweredRequests unanswered)
    {
        _log = log;
        _unanswered = unanswered;
        _editorConfig = new EditorConfigCache(log);
    }

    /// <summary>Completes with the process exit code when the editor sends <c>exit</c>.</summary>
    public Task<int> ExitRequested => _exit.Task;

    public void Attach(JsonRpc rpc) => _rpc = rpc;

    /// <summary>The connection is gone: stop scheduled work.</summary>
    public void Stop() => _stopping.Cancel();

    public bool ShutdownRequested => _shutdown;

    [JsonRpcMethod(LspMethods.Initialize, UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        if (_initialized)
        {
            throw new LocalRpcException("initialize was already sent") { ErrorCode = LspErrorCodes.InvalidRequest };
        }

        _initialized = true;
        if (parameters.InitializationOptions?.DebounceMilliseconds is { } debounce)
        {
            _debounceMilliseconds = Math.Clamp(debounce, 0, 10_000);
        }

        _dynamicWatchers = Flag(parameters.Capabilities, "workspace", "didChangeWatchedFiles", "dynamicRegistration");
        var roots = Roots(parameters);
        _scan = Task.Run(() => ScanRoots(roots));
        _ = _scan.ContinueWith(_ => RelintIfLintedBeforeScan(), TaskScheduler.Default);

        var version = typeof(LanguageServer).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
        return new InitializeResult(
            new ServerCapabilities
            {
                TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, TextDocumentSyncKind.Incremental, new SaveOptions(IncludeText: false)),
                CodeActionProvider = new CodeActionOptions([CodeActionKinds.QuickFix]),
                Workspace = new WorkspaceServerCapabilities(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: true)),
            },
            new ServerInfo("dslint", version));
    }

    [JsonRpcMethod(LspMethods.Initialized, UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JsonElement? parameters = null)
    {
        if (_dynamicWatchers && _rpc is { } rpc)
        {
            // Editors that can watch files for the server tell it when cluster configuration changes on disk.
            var registration = new RegistrationParams(
            [
                new Registration("dslint-watched-files", LspMethods.DidChangeWatchedFiles, new DidChangeWatchedFilesRegistrationOptions(
                [
                    new Protocol.FileSystemWatcher("**/*.{yaml,yml,json}"),
                    new Protocol.FileSystemWatcher("**/.editorconfig"),
                    new Protocol.FileSystemWatcher("**/.globalconfig"),
                ])),
            ]);
            _ = Observe(rpc.InvokeWithParameterObjectAsync(LspMethods.RegisterCapability, registration), "registering file watchers");
        }
    }

    [JsonRpcMethod(LspMethods.Shutdown)]
    public object? Shutdown()
    {
        // Before initialize, or a second time: refused like any request then (LSP 3.17, "shutdown").
        RequireReady();
        _shutdown = true;
        foreach (var document in _documents.Values)
        {
            Cancel(document);
        }

        return null;
    }

    /// <remarks>
    /// StreamJsonRpc runs this handler while the responses to earlier requests may still be unwritten (the shutdown
    /// request's above all, when the editor sends shutdown and exit back to back): ending the process now would lose
    /// them, and decide the exit code before shutdown's handler ran. So exit waits until every request read before it
    /// has been answered and flushed (bounded, so a stuck handler cannot keep the process alive).
    /// </remarks>
    [JsonRpcMethod(LspMethods.Exit)]
    public async Task ExitAsync()
    {
        try
        {
            await _unanswered.BeforeExit.WaitAsync(UnansweredRequests.AnswerWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _log("exit: requests still unanswered after " + UnansweredRequests.AnswerWait.TotalSeconds + " s are dropped");
        }

        _exit.TrySetResult(_shutdown ? 0 : 1);
    }

    [JsonRpcMethod(LspMethods.InvalidMessage, UseSingleObjectParameterDeserialization = true)]
    public void InvalidMessage(InvalidMessageParams parameters) => _log("ignored " + parameters.Reason);

    [JsonRpcMethod(LspMethods.DidOpen, UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams parameters)
    {
        if (!Ready())
        {
            return;
        }

        var item = parameters.TextDocument;
        var location = DocumentLocation.FromUri(item.Uri);
        if (!location.IsLintable)
        {
            return;
        }

        var document = new OpenDocument(location, item.Version, item.Text ?? string.Empty);
        if (_documents.TryGetValue(item.Uri, out var previous))
        {
            Cancel(previous);
        }

        _documents[item.Uri] = document;
        Schedule(document, debounce: false);
    }

    [JsonRpcMethod(LspMethods.DidChange, UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams parameters)
    {
        if (!Ready() || !_documents.TryGetValue(parameters.TextDocument.Uri, out var document))
        {
            return;
        }

        lock (document.Gate)
        {
            document.Text = TextChanges.Apply(document.Text, parameters.ContentChanges ?? []);
            document.Version = parameters.TextDocument.Version ?? document.Version + 1;
        }

        Schedule(document, debounce: true);
    }

    [JsonRpcMethod(LspMethods.DidSave, UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams parameters)
    {
        if (!Ready())
        {
            return;
        }

        var location = DocumentLocation.FromUri(parameters.TextDocument.Uri);
        if (location.LocalPath is { } path && IsConfigurationFile(path))
        {
            RelintAll();
        }
        else if (_documents.TryGetValue(parameters.TextDocument.Uri, out var document))
        {
            Schedule(document, debounce: false);
        }
    }

    [JsonRpcMethod(LspMethods.DidClose, UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams parameters)
    {
        if (!Ready() || !_documents.TryRemove(parameters.TextDocument.Uri, out var document))
        {
            return;
        }

        lock (document.Gate)
        {
            document.Closed = true;
        }

        Cancel(document);
        Publish(document.Uri, null, []);
        if (document.Location.LocalPath is { } path && _cluster.ClearEditorVersion(path))
        {
            RelintAll();
        }
    }

    [JsonRpcMethod(LspMethods.DidChangeWatchedFiles, UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams parameters)
    {
        if (!Ready())
        {
            return;
        }

        var relint = false;
        foreach (var change in parameters.Changes ?? [])
        {
            if (DocumentLocation.FromUri(change.Uri).LocalPath is not { } path)
            {
                continue;
            }

            if (IsConfigurationFile(path))
            {
                relint = true;
            }
            else if (ClusterConfigIndex.IsCandidate(path))
            {
                var was = _cluster.Knows(path);
                relint |= _cluster.Refresh(path) || was;
            }
        }

        if (relint)
        {
            RelintAll();
        }
    }

    [JsonRpcMethod(LspMethods.DidChangeWorkspaceFolders, UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams parameters)
    {
        if (!Ready())
        {
            return;
        }

        var added = (parameters.Event?.Added ?? []).Select(f => DocumentLocation.FromUri(f.Uri).LocalPath).OfType<string>().ToList();
        var previous = _scan;
        _scan = Task.Run(async () =>
        {
            await previous.ConfigureAwait(false);
            ScanRoots(added);
        });
        _ = _scan.ContinueWith(_ => RelintAll(), TaskScheduler.Default);
    }

    /// <summary>Settings come from .editorconfig files, re-read at every lint; nothing to do but lint again.</summary>
    [JsonRpcMethod(LspMethods.DidChangeConfiguration, UseSingleObjectParameterDeserialization = true)]
    public void DidChangeConfiguration(JsonElement? parameters = null) => RelintAll();

    [JsonRpcMethod(LspMethods.CodeAction, UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<CodeAction>> CodeActionAsync(CodeActionParams parameters, CancellationToken cancellationToken)
    {
        RequireReady();
        if (!_documents.TryGetValue(parameters.TextDocument.Uri, out var document))
        {
            return [];
        }

        string text;
        lock (document.Gate)
        {
            text = document.Text;
        }

        await WaitForScanAsync(cancellationToken).ConfigureAwait(false);
        return await Task.Run(
            () =>
            {
                var lint = document.LastResult is { } last && ReferenceEquals(last.Text, text) ? last : LintNow(document, text);
                cancellationToken.ThrowIfCancellationRequested();
                return CodeActionBuilder.Build(document.Location, lint, parameters.Range, changed => LintNow(document, changed));
            },
            cancellationToken).ConfigureAwait(false);
    }

    private void Schedule(OpenDocument document, bool debounce)
    {
        CancellationTokenSource run;
        lock (document.Gate)
        {
            document.PendingRun?.Cancel();
            document.PendingRun?.Dispose();
            run = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            document.PendingRun = run;
        }

        _ = RunAsync(document, debounce ? _debounceMilliseconds : 0, run.Token);
    }

    private async Task RunAsync(OpenDocument document, int delay, CancellationToken cancellationToken)
    {
        try
        {
            if (delay > 0)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Yield();
            }

            await WaitForScanAsync(cancellationToken).ConfigureAwait(false);
            await document.LintLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                string text;
                int version;
                lock (document.Gate)
                {
                    text = document.Text;
                    version = document.Version;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var result = LintNow(document, text);

                // A newer edit arrived while this run linted: its own run publishes.
                cancellationToken.ThrowIfCancellationRequested();
                lock (document.Gate)
                {
                    if (document.Closed || !ReferenceEquals(document.Text, text))
                    {
                        return;
                    }

                    document.LastResult = result;
                    document.WasManifest |= result.IsManifest;
                }

                Publish(document.Uri, version, result.Findings.Where(DiagnosticMapper.IsShown).Select(DiagnosticMapper.ToDiagnostic).ToList());
                if (document.Location.LocalPath is { } path && (result.ClusterConfig is not null || _cluster.Knows(path))
                    && _cluster.SetEditorVersion(path, result.ClusterConfig))
                {
                    // The cluster of the other open documents changed with this one.
                    RelintAll(except: document);
                }
            }
            finally
            {
                document.LintLock.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // Replaced by a newer edit, or the server is stopping.
        }
        catch (Exception ex)
        {
            _log($"linting {document.Uri} failed: {ex}");
        }
    }

    private async Task WaitForScanAsync(CancellationToken cancellationToken)
    {
        var scan = _scan;
        if (!scan.IsCompleted)
        {
            await Task.WhenAny(scan, Task.Delay(ScanWait, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!scan.IsCompleted)
            {
                Interlocked.Exchange(ref _lintedBeforeScan, 1);
            }
        }
    }

    private void RelintIfLintedBeforeScan()
    {
        if (Interlocked.Exchange(ref _lintedBeforeScan, 0) == 1)
        {
            RelintAll();
        }
    }

    private DocumentLintResult LintNow(OpenDocument document, string text)
    {
        var location = document.Location;
        var configuration = _editorConfig.For(location.LocalPath);
        var context = _cluster.ContextFor(location.EnginePath);
        return DocumentLinter.Lint(location, text, document.WasManifest, configuration, context);
    }

    private void RelintAll(OpenDocument? except = null)
    {
        foreach (var document in _documents.Values)
        {
            if (!ReferenceEquals(document, except))
            {
                Schedule(document, debounce: true);
            }
        }
    }

    private void Publish(string uri, int? version, IReadOnlyList<Protocol.Diagnostic> diagnostics)
    {
        if (_rpc is { } rpc && !_stopping.IsCancellationRequested)
        {
            _ = Observe(rpc.NotifyWithParameterObjectAsync(LspMethods.PublishDiagnostics, new PublishDiagnosticsParams(uri, version, diagnostics)), "publishing diagnostics");
        }
    }

    private void ScanRoots(IReadOnlyList<string> roots)
    {
        foreach (var root in roots.Where(Directory.Exists))
        {
            var found = _cluster.Scan(root, _log, _stopping.Token);
            _log($"{root}: {found} cluster configuration file{(found == 1 ? "" : "s")}");
        }
    }

    private static void Cancel(OpenDocument document)
    {
        lock (document.Gate)
        {
            document.PendingRun?.Cancel();
        }
    }

    private async Task Observe(Task task, string what)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException or OperationCanceledException)
        {
            // The editor went away; the server stops when its input ends.
        }
        catch (Exception ex)
        {
            _log($"{what} failed: {ex.Message}");
        }
    }

    // Before initialize, requests get ServerNotInitialized and notifications are dropped (LSP 3.17, "initialize").
    private bool Ready() => _initialized && !_shutdown;

    private void RequireReady()
    {
        if (!_initialized)
        {
            throw new LocalRpcException("the server is not initialized") { ErrorCode = LspErrorCodes.ServerNotInitialized };
        }

        if (_shutdown)
        {
            throw new LocalRpcException("the server is shutting down") { ErrorCode = LspErrorCodes.InvalidRequest };
        }
    }

    private static bool IsConfigurationFile(string path) => Path.GetFileName(path) is ".editorconfig" or ".globalconfig";

    private static List<string> Roots(InitializeParams parameters)
    {
        var uris = parameters.WorkspaceFolders is { Count: > 0 } folders
            ? folders.Select(f => f.Uri)
            : parameters.RootUri is { } rootUri ? [rootUri] : [];
        var roots = uris.Select(u => DocumentLocation.FromUri(u).LocalPath).OfType<string>().ToList();
        if (roots.Count == 0 && !string.IsNullOrEmpty(parameters.RootPath))
        {
            roots.Add(Path.GetFullPath(parameters.RootPath));
        }

        return roots.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool Flag(JsonElement? element, params string[] path)
    {
        if (element is not { ValueKind: JsonValueKind.Object } current)
        {
            return false;
        }

        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return false;
            }
        }

        return current.ValueKind == JsonValueKind.True;
    }
}
