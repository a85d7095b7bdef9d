using DualStack.Cli.CommandLine;
using DualStack.Cli.Lint;
using DualStack.Cli.Output;

namespace DualStack.Cli.Tests;

/// <summary>What a real process cannot show: internal errors on demand, and the progress line of a terminal.</summary>
public sealed class InProcessTests
{
    [Fact]
    public void Internal_error_is_one_line_without_verbose_and_a_stack_trace_with_it()
    {
        using var folder = new TempFolder();
        var (quiet, quietError) = (new StringWriter(), new StringWriter());
        var console = new ConsoleStreams(quiet, quietError, () => throw new InvalidOperationException("boom"), folder.Path, IsTerminal: false);

        Assert.Equal(2, DslintCommand.Run(["lint", "-"], console));
        Assert.Equal("dslint: internal error: boom (run with --verbose for details)\n", quietError.ToString().ReplaceLineEndings("\n"));

        var verboseError = new StringWriter();
        Assert.Equal(2, DslintCommand.Run(["lint", "-", "--verbose"], console with { Error = verboseError }));
        Assert.StartsWith("dslint: internal error: boom\nSystem.InvalidOperationException: boom\n", verboseError.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("   at ", verboseError.ToString());
    }

    [Fact]
    public void Progress_line_appears_after_a_second_and_is_erased_at_the_end()
    {
        var error = new LockedWriter();
        using (var progress = new ProgressIndicator(error, enabled: true))
        {
            progress.Report("linting 3 files");
            Assert.Equal(string.Empty, error.ToString());

            // The first frame is due after a second; a loaded machine may take longer, so wait for it (up to 20 s).
            Assert.True(SpinWait.SpinUntil(() => Drawn(error), TimeSpan.FromSeconds(20)), "no progress line was drawn");
        }

        var text = error.ToString();
        Assert.StartsWith("\r", text);
        Assert.Contains("dslint: linting 3 files (", text);
        Assert.EndsWith("\r", text);
        var lastLine = text.TrimEnd('\r').Split('\r')[^1];
        Assert.True(string.IsNullOrWhiteSpace(lastLine), "the progress line is blanked out");
    }

    [Fact]
    public void Progress_is_silent_when_disabled()
    {
        var error = new StringWriter();
        using (new ProgressIndicator(error, enabled: false))
        {
            Thread.Sleep(1300);
        }

        Assert.Equal(string.Empty, error.ToString());
    }

    private static bool Drawn(StringWriter writer) => writer.ToString().Contains("dslint: linting", StringComparison.Ordinal);

    // The progress timer writes from another thread while the test reads.
    private sealed class LockedWriter : StringWriter
    {
        public override void Write(char value)
        {
            lock (this)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (this)
            {
                base.Write(value);
            }
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }
    }
}
