using DualStack.Rules;

namespace DualStack.Manifests.Baseline;

/// <summary>
/// A baseline: the findings a team has accepted for now, so a run reports only new ones. Shared by <c>dslint lint</c>
/// (<c>--baseline</c>, <c>--write-baseline</c>) and the MSBuild task (<c>DualStackLintBaseline</c>). Usage:
/// <code>
/// var baseline = FindingBaseline.Load("dslint-baseline.json");
/// var match = baseline.Match(result.Findings, file => Path.GetFullPath(file));
/// // report match.New; say match.Suppressed.Count and match.StaleEntries
/// </code>
/// </summary>
public sealed class FindingBaseline
{
    private FindingBaseline(string root, IReadOnlyList<BaselineEntry> entries)
    {
        Root = root;
        Entries = entries;
    }

    /// <summary>The folder the entries' file names are relative to (<see cref="BaselinePaths.RootFor"/>).</summary>
    public string Root { get; }

    /// <summary>The entries, one per key, in the file's order.</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>Reads a baseline file.</summary>
    /// <param name="path">The baseline file.</param>
    /// <param name="displayName">How to name the file in messages (as the user gave it); default <paramref name="path"/>.</param>
    /// <exception cref="BaselineException">Missing, unreadable, or not a baseline; the message says which.</exception>
    public static FindingBaseline Load(string path, string? displayName = null)
    {
        var name = displayName ?? path;

        // As for manifests, only regular files are opened: a named pipe would block the run until a writer comes.
        if (File.Exists(path) && FileStatus.Of(path) is { IsRegularOrUnknown: false } status)
        {
            throw new BaselineException($"the baseline '{name}' is {status.Description}, not a regular file");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BaselineException($"the baseline file '{name}' does not exist");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new BaselineException($"cannot read the baseline file '{name}': {ex.Message}");
        }

        return new FindingBaseline(BaselinePaths.RootFor(path), Merge(BaselineFormat.Parse(text, name)));
    }

    /// <summary>The baseline that accepts exactly these findings, for a file to be written at <paramref name="path"/>.</summary>
    /// <param name="fullPathOf">The absolute path of a finding's file (or the name to keep for standard input).</param>
    public static FindingBaseline FromFindings(IEnumerable<Finding> findings, string path, Func<string, string> fullPathOf)
    {
        var root = BaselinePaths.RootFor(path);
        var entries = findings
            .GroupBy(f => KeyOf(f, root, fullPathOf))
            .Select(g => new BaselineEntry(g.Key.RuleId, g.Key.File, g.Key.Object, g.Key.Field, g.Count()))
            .ToList();
        entries.Sort((a, b) => BaselineKey.Compare(a.Key, b.Key));
        return new FindingBaseline(root, entries);
    }

    /// <summary>The file's text (<see cref="BaselineFormat"/>).</summary>
    public string ToText() => BaselineFormat.Write(Entries);

    /// <summary>
    /// Splits findings into new ones and ones the baseline accepts. An entry with count N accepts at most N findings of
    /// its key, the first N in the given order (the engine's order: file, then position); the rest are new.
    /// </summary>
    /// <param name="fullPathOf">The absolute path of a finding's file (or the name to keep for standard input).</param>
    public BaselineMatch Match(IReadOnlyList<Finding> findings, Func<string, string> fullPathOf)
    {
        var remaining = new Dictionary<BaselineKey, int>();
        foreach (var entry in Entries)
        {
            remaining[entry.Key] = entry.Count;
        }

        var fresh = new List<Finding>();
        var suppressed = new List<Finding>();
        foreach (var finding in findings)
        {
            var key = KeyOf(finding, Root, fullPathOf);
            if (remaining.TryGetValue(key, out var left) && left > 0)
            {
                remaining[key] = left - 1;
                suppressed.Add(finding);
            }
            else
            {
                fresh.Add(finding);
            }
        }

        return new BaselineMatch(fresh, suppressed, remaining.Values.Sum());
    }

    private static BaselineKey KeyOf(Finding finding, string root, Func<string, string> fullPathOf) =>
        new(finding.RuleId, BaselinePaths.Relative(root, fullPathOf(finding.File)), finding.Object, finding.Field);

    // A hand-edited or merged file may name a key twice: the counts add up.
    private static IReadOnlyList<BaselineEntry> Merge(IReadOnlyList<BaselineEntry> entries) =>
        entries.GroupBy(e => e.Key).Select(g => g.Count() == 1 ? g.First() : g.First() with { Count = g.Sum(e => e.Count) }).ToList();
}

/// <summary>The outcome of <see cref="FindingBaseline.Match"/>.</summary>
/// <param name="New">Findings the baseline does not accept, in the given order: these are reported and decide the exit code.</param>
/// <param name="Suppressed">Findings the baseline accepts.</param>
/// <param name="StaleEntries">How many accepted findings no longer occur (the sum of unused counts): fixed, moved or renamed; rewriting the baseline drops them.</param>
public sealed record BaselineMatch(IReadOnlyList<Finding> New, IReadOnlyList<Finding> Suppressed, int StaleEntries);
