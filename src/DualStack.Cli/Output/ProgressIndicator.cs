using System.Diagnostics;
using System.Globalization;

namespace DualStack.Cli.Output;

/// <summary>
/// A one-line spinner on standard error for runs on a terminal that take longer than a second; it erases itself when
/// the run ends, so nothing of it remains in the output. Off when standard error is redirected (CI logs, pipes).
/// </summary>
internal sealed class ProgressIndicator : IDisposable
{
    private static readonly string[] Frames = ["|", "/", "-", "\\"];
    private readonly TextWriter _error;
    private readonly Timer? _timer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private string _status = "reading inputs";
    private int _frame;
    private int _lastLength;
    private bool _disposed;

    public ProgressIndicator(TextWriter error, bool enabled)
    {
        _error = error;
        if (enabled)
        {
            _timer = new Timer(_ => Draw(), null, dueTime: 1000, period: 200);
        }
    }

    public void Report(string status)
    {
        lock (_gate)
        {
            _status = status;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            if (_lastLength > 0)
            {
                _error.Write("\r" + new string(' ', _lastLength) + "\r");
                _error.Flush();
            }
        }
    }

    private void Draw()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var line = string.Create(CultureInfo.InvariantCulture, $"{Frames[_frame++ % Frames.Length]} dslint: {_status} ({_clock.Elapsed.TotalSeconds:0.0} s)");
            _error.Write("\r" + line.PadRight(_lastLength));
            _error.Flush();
            _lastLength = line.Length;
        }
    }
}
