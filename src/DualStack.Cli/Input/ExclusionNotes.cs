using DualStack.Cli.Lint;
using DualStack.Cli.Output;

namespace DualStack.Cli.Input;

/// <summary><c>--verbose</c>: one note per excluded file and what excluded it, so a glob that takes too much is visible.</summary>
internal static class ExclusionNotes
{
    public static void Write(InputCollector collector, ConsoleStreams console)
    {
        foreach (var (path, reason) in collector.Excluded)
        {
            console.Error.WriteLine($"dslint: note: excluded {TerminalText.Escape(collector.DisplayPath(path))} ({reason})");
        }
    }
}
