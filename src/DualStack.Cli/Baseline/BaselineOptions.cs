using DualStack.Cli.CommandLine;
using DualStack.Cli.Fixing;
using DualStack.Cli.Input;
using DualStack.Manifests.Baseline;
using DualStack.Rules;

namespace DualStack.Cli.Baseline;

/// <summary>
/// <c>--baseline FILE</c> and <c>--write-baseline FILE</c> of <c>dslint lint</c>: loads the baseline before anything is
/// linted (a missing or broken file is a usage error, exit 2, never a stack trace), splits the findings into new and
/// baselined ones, and writes a new baseline. The matching itself is the engine's (<see cref="FindingBaseline"/>),
/// shared with the MSBuild task.
/// </summary>
internal sealed class BaselineOptions
{
    private readonly string _currentDirectory;
    private readonly FindingBaseline? _baseline;
    private readonly string? _writeTo;

    private BaselineOptions(string currentDirectory, string? displayName, FindingBaseline? baseline, string? writeTo)
    {
        _currentDirectory = currentDirectory;
        DisplayName = displayName;
        _baseline = baseline;
        _writeTo = writeTo;
    }

    /// <summary>The baseline file as the user named it, or null when no baseline option was given.</summary>
    public string? DisplayName { get; }

    /// <summary>True when the run reads or writes a baseline.</summary>
    public bool InUse => DisplayName is not null;

    /// <exception cref="CliException">Both options, or a baseline that is missing, unreadable or not a baseline.</exception>
    public static BaselineOptions Open(string? baseline, string? writeBaseline, string currentDirectory)
    {
        if (baseline is not null && writeBaseline is not null)
        {
            throw new CliException("--baseline and --write-baseline cannot be combined; to update a baseline, run --write-baseline FILE alone (it replaces the file and drops entries that no longer match)");
        }

        if (writeBaseline is not null)
        {
            var target = Path.GetFullPath(writeBaseline, currentDirectory);
            if (Directory.Exists(target))
            {
                throw new CliException($"--write-baseline: '{writeBaseline}' is a folder; give a file name such as dslint-baseline.json");
            }

            return new BaselineOptions(currentDirectory, writeBaseline, null, target);
        }

        if (baseline is null)
        {
            return new BaselineOptions(currentDirectory, null, null, null);
        }

        try
        {
            return new BaselineOptions(currentDirectory, baseline, FindingBaseline.Load(Path.GetFullPath(baseline, currentDirectory), baseline), null);
        }
        catch (BaselineException ex)
        {
            var hint = File.Exists(Path.GetFullPath(baseline, currentDirectory)) ? string.Empty : $"; create it with 'dslint lint --write-baseline {baseline}'";
            throw new CliException("--baseline: " + ex.Message + hint);
        }
    }

    /// <summary>The findings <c>--fix</c> may change: with a baseline, only the new ones (what is reported is what is fixed).</summary>
    public IReadOnlyList<Finding> Fixable(IReadOnlyList<Finding> shown) => _baseline is null ? shown : _baseline.Match(shown, FullPathOf).New;

    /// <summary>
    /// Splits the shown findings into reported and baselined ones; with <c>--write-baseline</c> first records all of
    /// them in the file (atomically), so they are all baselined.
    /// </summary>
    public BaselineMatch Apply(IReadOnlyList<Finding> shown)
    {
        if (_writeTo is not null)
        {
            var written = FindingBaseline.FromFindings(shown, _writeTo, FullPathOf);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_writeTo)!);
                AtomicFile.WriteAllText(_writeTo, written.ToText(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write the baseline file '{DisplayName}': {ex.Message}");
            }

            return new BaselineMatch([], shown, 0);
        }

        return _baseline is null ? new BaselineMatch(shown, [], 0) : _baseline.Match(shown, FullPathOf);
    }

    private string FullPathOf(string file) =>
        file == InputCollector.StandardInputName ? file : Path.GetFullPath(file, _currentDirectory);
}
