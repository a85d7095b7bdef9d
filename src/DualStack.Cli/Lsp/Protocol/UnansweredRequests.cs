using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DualStack.Cli.Lsp.Protocol;

/// <summary>
/// The editor's requests that were read but whose response is not yet on the wire (written and flushed), so that the
/// end of a session can wait for them. <see cref="ResyncingMessageHandler"/> reports every message read, in the order
/// of the input, and every response flushed.
/// </summary>
/// <remarks>
/// StreamJsonRpc reads on while handlers run and writes a response only after its handler returned. A client that
/// sends <c>shutdown</c> and <c>exit</c> back to back (in one write, as scripted clients and editors on quit do) would
/// otherwise have the process end before the shutdown response was written, or before the shutdown handler ran. The
/// requests to wait for are fixed when <c>exit</c> (or the end of the input) is read, in the input's order, not when
/// its handler runs: requests read later must not delay the exit.
/// </remarks>
internal sealed class UnansweredRequests
{
    /// <summary>How long the end of a session waits for these answers (a handler that never returns must not keep the
    /// process alive).</summary>
    public static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly Dictionary<RequestId, int> _unanswered = [];
    private readonly List<Barrier> _barriers = [];
    private Task? _beforeExit;

    /// <summary>Completes when every request read before the first <c>exit</c> notification has been answered.</summary>
    public Task BeforeExit
    {
        get
        {
            lock (_gate)
            {
                return _beforeExit ?? Task.CompletedTask;
            }
        }
    }

    public void Read(JsonRpcMessage message)
    {
        if (message is not JsonRpcRequest request)
        {
            return;
        }

        lock (_gate)
        {
            if (request.IsResponseExpected)
            {
                _unanswered[request.RequestId] = _unanswered.GetValueOrDefault(request.RequestId) + 1;
            }
            else if (request.Method == LspMethods.Exit)
            {
                _beforeExit ??= AnsweredSoFarLocked();
            }
        }
    }

    public void Answered(RequestId id)
    {
        lock (_gate)
        {
            if (!_unanswered.TryGetValue(id, out var count))
            {
                return;
            }

            if (count > 1)
            {
                _unanswered[id] = count - 1;
                return;
            }

            _unanswered.Remove(id);
            for (var i = _barriers.Count - 1; i >= 0; i--)
            {
                if (_barriers[i].Waiting.Remove(id) && _barriers[i].Waiting.Count == 0)
                {
                    _barriers[i].Done.TrySetResult();
                    _barriers.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>Completes when every request read so far has been answered.</summary>
    public Task AnsweredSoFar()
    {
        lock (_gate)
        {
            return AnsweredSoFarLocked();
        }
    }

    private Task AnsweredSoFarLocked()
    {
        if (_unanswered.Count == 0)
        {
            return Task.CompletedTask;
        }

        var barrier = new Barrier([.. _unanswered.Keys], new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _barriers.Add(barrier);
        return barrier.Done.Task;
    }

    private sealed record Barrier(HashSet<RequestId> Waiting, TaskCompletionSource Done);
}
