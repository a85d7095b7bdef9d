using DualStack.Manifests.Baseline;
using DualStack.Manifests.Tests.Input;

namespace DualStack.Manifests.Tests.Baseline;

/// <summary>A baseline given as a named pipe must not block the run (as for manifests: only regular files are read).</summary>
public sealed class FindingBaselineSpecialFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dslint-baseline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_named_pipe_as_baseline_is_a_clear_error_without_blocking()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = SourceFileReaderSpecialFileTests.MakeFifo(Path.Combine(_dir, "baseline.json"));
        var load = Task.Run(() => FindingBaseline.Load(fifo, "baseline.json"));
        try
        {
            Assert.Same(load, await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(20))));
            var error = await Assert.ThrowsAsync<BaselineException>(() => load);
            Assert.Equal("the baseline 'baseline.json' is a named pipe (FIFO), not a regular file", error.Message);
        }
        finally
        {
            // A reader stuck in open() is released by a writer, so a failing test does not hang the test run.
            if (!load.IsCompleted)
            {
                using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            }
        }
    }
}
