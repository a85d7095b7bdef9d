namespace DualStack.Manifests.Engine;

/// <summary>
/// Bounds the input bytes being parsed and checked at once: a file is let in while the total stays within the
/// budget, and always when nothing else is in, so one file larger than the budget still runs (alone). Peak memory
/// then follows the largest file rather than the number of cores times it.
/// </summary>
internal sealed class InFlightGate
{
    private readonly long _budget;
    private readonly object _lock = new();
    private long _bytes;
    private int _files;

    public InFlightGate(long budget) => _budget = budget;

    public Admission Enter(long size)
    {
        lock (_lock)
        {
            while (_files > 0 && _bytes + size > _budget)
            {
                Monitor.Wait(_lock);
            }

            _bytes += size;
            _files++;
        }

        return new Admission(this, size);
    }

    private void Leave(long size)
    {
        lock (_lock)
        {
            _bytes -= size;
            _files--;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>Leaves the gate when disposed.</summary>
    public readonly struct Admission(InFlightGate gate, long size) : IDisposable
    {
        public void Dispose() => gate.Leave(size);
    }
}
