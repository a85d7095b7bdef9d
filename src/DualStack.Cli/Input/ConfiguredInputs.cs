using DualStack.Cli.Lint;
using DualStack.Manifests.Configuration;

namespace DualStack.Cli.Input;

/// <summary>
/// The step <c>lint</c> and <c>plan</c> share between collecting the inputs and reading them: configuration first,
/// found by the inputs' paths alone (it decides which files are excluded, never opened, and each file's size limit),
/// its errors stop the run, then the excluded files are dropped (and named with <c>--verbose</c>).
/// </summary>
internal static class ConfiguredInputs
{
    /// <param name="toRequest">The command's configuration request for the given configuration paths (its command-line overrides).</param>
    public static (ResolvedConfiguration Resolved, IReadOnlyList<string> Paths) Resolve(
        InputCollector collector,
        IReadOnlyList<string> collected,
        string? stdinFileName,
        bool verbose,
        Func<IEnumerable<string>, ConfigurationRequest> toRequest,
        ConsoleStreams console)
    {
        var configPaths = collected.Select(p => InputReader.ConfigurationPath(p, stdinFileName, console.CurrentDirectory)).ToList();
        var resolved = ConfigurationResolver.Resolve(toRequest(configPaths));
        ConfigurationReport.ThrowOnErrors(resolved, console);
        var paths = collector.ExcludeConfigured(collected, resolved.IsExcluded);
        if (verbose)
        {
            ExclusionNotes.Write(collector, console);
        }

        return (resolved, paths);
    }
}
