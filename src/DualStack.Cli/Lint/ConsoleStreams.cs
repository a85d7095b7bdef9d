namespace DualStack.Cli.Lint;

/// <summary>Where a run reads and writes; the real console in the tool, in-memory writers in unit tests.</summary>
/// <param name="IsTerminal">Standard output is a terminal (colours allowed).</param>
/// <param name="ErrorIsTerminal">Standard error is a terminal (the progress line allowed).</param>
internal sealed record ConsoleStreams(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, string CurrentDirectory, bool IsTerminal, bool ErrorIsTerminal = false)
{
    public static ConsoleStreams System() => new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        Directory.GetCurrentDirectory(),
        IsTerminal: !Console.IsOutputRedirected,
        ErrorIsTerminal: !Console.IsErrorRedirected);
}
