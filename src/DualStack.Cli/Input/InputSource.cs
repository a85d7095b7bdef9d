using DualStack.Manifests;
using DualStack.Manifests.Configuration;

namespace DualStack.Cli.Input;

/// <summary>
/// How one collected input is read, whether all at once (<see cref="InputReader"/>, for <c>--fix</c> and <c>plan</c>)
/// or when the engine gets to it (<see cref="LazyInputs"/>): the display path, the configuration that decides the size
/// limit and encoding, standard input under its <c>--stdin-filename</c>, and listing errors as unreadable files.
/// </summary>
/// <param name="Collector">Gives the display paths and the listing errors.</param>
/// <param name="StandardInput">Opens standard input when it is among the paths.</param>
/// <param name="StdinFileName">The name standard input is reported and configured as, or null for <c>&lt;stdin&gt;</c>.</param>
/// <param name="CurrentDirectory">Resolves <paramref name="StdinFileName"/>.</param>
/// <param name="Configuration">The resolved configuration; each input is read with the options of its path.</param>
internal sealed record InputSource(
    InputCollector Collector,
    Func<Stream> StandardInput,
    string? StdinFileName,
    string CurrentDirectory,
    ILintConfiguration Configuration)
{
    /// <summary>The path an input's configuration (.editorconfig) is looked up by (<see cref="InputReader.ConfigurationPath"/>).</summary>
    public string ConfigurationPath(string path) => InputReader.ConfigurationPath(path, StdinFileName, CurrentDirectory);

    /// <summary>Reads standard input (only once possible) under its display name.</summary>
    public SourceFile ReadStandardInput()
    {
        var display = string.IsNullOrEmpty(StdinFileName) ? InputCollector.StandardInputName : StdinFileName!;
        using var stream = StandardInput();
        return SourceFileReader.For(Configuration.OptionsFor(ConfigurationPath(InputCollector.StandardInputName))).Read(stream, display);
    }

    /// <summary>Reads the file at <paramref name="path"/> (not standard input), or reports why its folder could not be listed.</summary>
    public SourceFile ReadFile(string path)
    {
        var display = Collector.DisplayPath(path);
        return Collector.ListingErrors.TryGetValue(path, out var listingError)
            ? SourceFile.Unreadable(display, listingError)
            : SourceFileReader.For(Configuration.OptionsFor(path)).Read(path, display);
    }
}
