namespace DualStack.Cli.Lint;

/// <summary>Where a run reads and writes; the real console in the tool, in-memory writers in unit tests.</summary>
internal sealed record ConsoleStreams(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, string CurrentDirectory, bool IsTerminal)
{
    public static ConsoleStreams System() => new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        Directory.GetCurrentDirectory(),
        IsTerminal: !Console.IsOutputRedirected);
}
