using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace DualStack.Lsp.Tests;

/// <summary>
/// A minimal LSP client for tests: starts the real <c>dotnet dslint.dll lsp</c> process, writes framed JSON-RPC messages
/// to its standard input and reads every message from its standard output, failing on anything that is not a framed
/// JSON message (the server must write nothing else there).
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly Stream _input;
    private readonly Channel<JsonObject> _messages = Channel.CreateUnbounded<JsonObject>();
    private readonly StringBuilder _stderr = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<JsonObject> _seen = new();
    private readonly Task _reader;
    private int _nextId;

    private LspClient(Process process, bool readOutput)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        if (readOutput)
        {
            _reader = Task.Run(ReadLoop);
        }
        else
        {
            // Nothing reads the server's standard output, and its pipe is closed: what it writes there fails.
            process.StandardOutput.BaseStream.Close();
            _messages.Writer.TryComplete();
            _reader = Task.CompletedTask;
        }

        process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    public static string DllPath =>
        typeof(LspClient).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DslintDll").Value!;

    public Process Process => _process;

    /// <summary>Every message the server sent so far, in order.</summary>
    public IReadOnlyList<JsonObject> Seen => _seen.ToList();

    /// <summary>Set when standard output held something that is not a framed JSON-RPC message.</summary>
    public string? ProtocolViolation { get; private set; }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <param name="readOutput">False for a client that went away without closing the server's input: the pipe of
    /// the server's standard output is closed at once.</param>
    public static LspClient Start(string workingDirectory, bool readOutput = true)
    {
        // DSLINT_UNDER_TEST runs another dslint executable instead, e.g. the installed native build (which hands
        // `lsp` to the JIT build it ships).
        var underTest = Environment.GetEnvironmentVariable("DSLINT_UNDER_TEST") is { Length: > 0 } path ? path : null;
        var start = new ProcessStartInfo(underTest ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (underTest is null)
        {
            start.ArgumentList.Add(DllPath);
        }

        start.ArgumentList.Add("lsp");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return new LspClient(Process.Start(start)!, readOutput);
    }

    /// <summary>Starts the server and initializes it with <paramref name="root"/> as the workspace folder.</summary>
    public static async Task<LspClient> StartInitializedAsync(string root, int debounceMilliseconds = 50)
    {
        var client = Start(root);
        var result = await client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = Uris.Of(root),
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = Uris.Of(root), ["name"] = "ws" }),
            ["capabilities"] = new JsonObject(),
            ["initializationOptions"] = new JsonObject { ["debounceMilliseconds"] = debounceMilliseconds },
        });
        Assert.Equal(2, (int)result!["result"]!["capabilities"]!["textDocumentSync"]!["change"]!);
        await client.NotifyAsync("initialized", new JsonObject());
        return client;
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Sends a request and returns its response (diagnostics published meanwhile stay queued).</summary>
    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await WaitForAsync(m => m["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && (int)v == id && m["method"] is null);
    }

    public Task SendAsync(JsonObject message) => SendRawAsync(Encoding.UTF8.GetBytes(message.ToJsonString()));

    public Task SendRawAsync(byte[] body) => WriteBytesAsync(Frame(body));

    /// <summary>A message with its Content-Length header, as it goes over the wire.</summary>
    public static byte[] Frame(JsonObject message) => Frame(Encoding.UTF8.GetBytes(message.ToJsonString()));

    public static byte[] Frame(byte[] body) => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    public async Task WriteBytesAsync(byte[] bytes)
    {
        await _input.WriteAsync(bytes);
        await _input.FlushAsync();
    }

    public void CloseInput() => _input.Close();

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = version, ["text"] = text },
        });

    public Task ChangeAsync(string uri, int version, params JsonObject[] changes) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(changes),
        });

    public static JsonObject FullChange(string text) => new() { ["text"] = text };

    public static JsonObject RangeChange(int line, int character, int endLine, int endCharacter, string text) => new()
    {
        ["range"] = Range(line, character, endLine, endCharacter),
        ["text"] = text,
    };

    public static JsonObject Range(int line, int character, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    /// <summary>The next diagnostics published for <paramref name="uri"/> that satisfy <paramref name="accept"/>.</summary>
    public async Task<JsonArray> DiagnosticsAsync(string uri, Func<JsonArray, bool>? accept = null, int? version = null)
    {
        var message = await WaitForAsync(m =>
            (string?)m["method"] == "textDocument/publishDiagnostics"
            && (string?)m["params"]!["uri"] == uri
            && (version is null || (int?)m["params"]!["version"] == version)
            && (accept is null || accept(m["params"]!["diagnostics"]!.AsArray())));
        return message["params"]!["diagnostics"]!.AsArray();
    }

    /// <summary>The next diagnostics published for each of <paramref name="uris"/>, in whatever order they come.</summary>
    public async Task<Dictionary<string, JsonArray>> DiagnosticsOfEachAsync(params string[] uris)
    {
        var result = new Dictionary<string, JsonArray>();
        while (result.Count < uris.Length)
        {
            var message = await WaitForAsync(m =>
                (string?)m["method"] == "textDocument/publishDiagnostics"
                && uris.Contains((string?)m["params"]!["uri"])
                && !result.ContainsKey((string)m["params"]!["uri"]!));
            result[(string)message["params"]!["uri"]!] = message["params"]!["diagnostics"]!.AsArray();
        }

        return result;
    }

    /// <summary>Waits for a message; messages read before it that do not match are dropped.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (true)
            {
                var message = await _messages.Reader.ReadAsync(timeout.Token);
                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"no matching message from the server (violation: {ProtocolViolation ?? "none"}); stderr:\n{Stderr}");
        }
    }

    /// <summary>Every message that arrives within <paramref name="quiet"/> of the previous one.</summary>
    public async Task<List<JsonObject>> DrainAsync(TimeSpan quiet)
    {
        var result = new List<JsonObject>();
        while (true)
        {
            using var wait = new CancellationTokenSource(quiet);
            try
            {
                result.Add(await _messages.Reader.ReadAsync(wait.Token));
            }
            catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
            {
                return result;
            }
        }
    }

    public async Task<int> ShutdownAndExitAsync()
    {
        var response = await RequestAsync("shutdown", null);
        Assert.True(response.ContainsKey("result"), response.ToJsonString());
        await NotifyAsync("exit", null);
        return await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _process.WaitForExitAsync(timeout.Token);
        await _reader;
        Assert.Null(ProtocolViolation);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // Reads "Content-Length: N\r\n\r\n" + N bytes of JSON, strictly: any other byte on standard output is a violation.
    private async Task ReadLoop()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var header = await ReadHeaderAsync(output);
                if (header is null)
                {
                    return;
                }

                const string Prefix = "Content-Length: ";
                if (!header.StartsWith(Prefix, StringComparison.Ordinal) || !int.TryParse(header.AsSpan(Prefix.Length), out var length))
                {
                    ProtocolViolation = "unexpected header: " + header;
                    return;
                }

                var body = new byte[length];
                await output.ReadExactlyAsync(body);
                if (JsonNode.Parse(body) is not JsonObject message)
                {
                    ProtocolViolation = "a body that is not a JSON object";
                    return;
                }

                _seen.Enqueue(message);
                await _messages.Writer.WriteAsync(message);
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or JsonException or IOException)
        {
            ProtocolViolation ??= ex is EndOfStreamException ? null : "unreadable output: " + ex.Message;
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    private static async Task<string?> ReadHeaderAsync(Stream output)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await output.ReadAsync(one) == 0)
            {
                return bytes.Count == 0 ? null : throw new EndOfStreamException();
            }

            bytes.Add(one[0]);
            var n = bytes.Count;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray(), 0, n - 4);
            }
        }
    }
}

internal static class Uris
{
    public static string Of(string path) => new Uri(path).AbsoluteUri;
}
