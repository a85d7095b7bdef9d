namespace DualStack.AnalyzerCost;

/// <summary>The times of one timed pass over one project: its wall time and each analyzer's execution time by name.</summary>
internal sealed record PassTimes(TimeSpan Wall, IReadOnlyDictionary<string, TimeSpan> Analyzers);

/// <summary>
/// Repository totals of one analyzer set's timed passes. Before anything is timed, each set makes one warm-up pass
/// (over the repository's largest project); its figures are kept apart as the cold first pass: it pays the JIT
/// compilation of the analyzer DLLs, which a build's compiler server pays once and then keeps for every later project
/// and build. Each project's timed passes are reduced to each analyzer's median and minimum, and those are summed over
/// the projects. A per-project median drops a pass that another process preempted without letting it move the other
/// projects' figures.
/// </summary>
internal sealed class PassStatistics
{
    private readonly Dictionary<string, TimeSpan> _median = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _min = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _cold = new(StringComparer.Ordinal);

    /// <summary>Timed passes per project (the same for every project of a run).</summary>
    public int Passes { get; private set; }

    /// <summary>Sum over projects of the median wall time of the timed passes (compiler + every analyzer of the pass).</summary>
    public TimeSpan MedianWall { get; private set; }

    public TimeSpan MinWall { get; private set; }

    /// <summary>Wall time of the warm-up (cold first) pass.</summary>
    public TimeSpan ColdWall { get; private set; }

    public IReadOnlyDictionary<string, TimeSpan> Median => _median;

    public IReadOnlyDictionary<string, TimeSpan> Min => _min;

    public IReadOnlyDictionary<string, TimeSpan> Cold => _cold;

    /// <summary>The warm-up pass, kept apart as the cold first pass (in none of the medians).</summary>
    public void AddWarmup(PassTimes warmup)
    {
        ColdWall += warmup.Wall;
        foreach (var (name, time) in warmup.Analyzers)
        {
            _cold[name] = _cold.GetValueOrDefault(name) + time;
        }
    }

    /// <summary>Adds one project's timed passes.</summary>
    public void AddProject(IReadOnlyList<PassTimes> timed)
    {
        if (timed.Count == 0)
        {
            throw new ArgumentException("at least one timed pass per project", nameof(timed));
        }

        Passes = timed.Count;

        MedianWall += MedianOf(timed.Select(p => p.Wall));
        MinWall += timed.Min(p => p.Wall);

        // An analyzer absent from a pass (none should be) counts as zero there rather than shifting the median.
        foreach (var name in timed.SelectMany(p => p.Analyzers.Keys).Distinct(StringComparer.Ordinal))
        {
            var times = timed.Select(p => p.Analyzers.GetValueOrDefault(name)).ToList();
            _median[name] = _median.GetValueOrDefault(name) + MedianOf(times);
            _min[name] = _min.GetValueOrDefault(name) + times.Min();
        }
    }

    /// <summary>Share of the repository's analysis time: a median against the median wall time of the same passes.</summary>
    public double MedianShare(TimeSpan medianTime) => MedianWall > TimeSpan.Zero ? medianTime / MedianWall : double.NaN;

    /// <summary>
    /// The same from minimums (against the fastest pass's wall time): closer to the analyzer's own cost when other
    /// processes preempt the measuring one, which lengthens callbacks of a few milliseconds many times over.
    /// </summary>
    public double MinShare(TimeSpan minTime) => MinWall > TimeSpan.Zero ? minTime / MinWall : double.NaN;

    public double ColdShare(TimeSpan coldTime) => ColdWall > TimeSpan.Zero ? coldTime / ColdWall : double.NaN;

    /// <summary>The median; for an even count, the mean of the two middle values.</summary>
    public static TimeSpan MedianOf(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// Whether pass <paramref name="pass"/> of project <paramref name="project"/> runs the sets in their given order
    /// (else reversed): the order alternates from pass to pass and from project to project, so that no set always
    /// runs first, right after the other set's pass or after the project's compilation was built.
    /// </summary>
    public static bool InGivenOrder(int project, int pass) => (project + pass) % 2 == 0;
}
