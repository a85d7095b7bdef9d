using DualStack.AnalyzerCost;

namespace DualStack.AnalyzerCost.Tests;

public sealed class PassStatisticsTests
{
    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private static PassTimes Pass(double wall, params (string Name, double Ms)[] analyzers) =>
        new(Ms(wall), analyzers.ToDictionary(a => a.Name, a => Ms(a.Ms)));

    [Fact]
    public void Median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two_middle_ones()
    {
        Assert.Equal(Ms(3), PassStatistics.MedianOf([Ms(9), Ms(1), Ms(3)]));
        Assert.Equal(Ms(4), PassStatistics.MedianOf([Ms(9), Ms(1), Ms(3), Ms(5)]));
        Assert.Equal(Ms(7), PassStatistics.MedianOf([Ms(7)]));
        Assert.Throws<ArgumentException>(() => PassStatistics.MedianOf([]));
    }

    [Fact]
    public void The_warm_up_pass_is_kept_apart_and_a_preempted_timed_pass_does_not_move_the_median()
    {
        var statistics = new PassStatistics();

        // Warm-up: JIT makes DS1008 ten times slower. Timed pass 2 was preempted (wall and DS1008 both inflated).
        statistics.AddWarmup(Pass(1000, ("DS1008", 200), ("ASP0028", 30)));
        statistics.AddProject(
            [Pass(100, ("DS1008", 2), ("ASP0028", 3)), Pass(900, ("DS1008", 50), ("ASP0028", 4)), Pass(120, ("DS1008", 3), ("ASP0028", 2))]);

        Assert.Equal(3, statistics.Passes);
        Assert.Equal(Ms(120), statistics.MedianWall);
        Assert.Equal(Ms(100), statistics.MinWall);
        Assert.Equal(Ms(3), statistics.Median["DS1008"]);
        Assert.Equal(Ms(2), statistics.Min["DS1008"]);
        Assert.Equal(Ms(3), statistics.Median["ASP0028"]);
        Assert.Equal(Ms(2), statistics.Min["ASP0028"]);
        Assert.Equal(Ms(200), statistics.Cold["DS1008"]);
        Assert.Equal(Ms(1000), statistics.ColdWall);

        // Shares: a median against the median wall time; the cold share against the cold pass's wall time.
        Assert.Equal(0.025, statistics.MedianShare(statistics.Median["DS1008"]), 6);
        Assert.Equal(0.02, statistics.MinShare(statistics.Min["DS1008"]), 6);
        Assert.Equal(0.2, statistics.ColdShare(statistics.Cold["DS1008"]), 6);
    }

    [Fact]
    public void Medians_and_minimums_are_taken_per_project_and_then_summed_over_the_projects()
    {
        var statistics = new PassStatistics();
        statistics.AddProject([Pass(10, ("DS1001", 1)), Pass(30, ("DS1001", 5)), Pass(20, ("DS1001", 2))]);
        statistics.AddProject([Pass(40, ("DS1001", 4)), Pass(70, ("DS1001", 8)), Pass(50, ("DS1001", 6))]);

        Assert.Equal(Ms(20 + 50), statistics.MedianWall);
        Assert.Equal(Ms(10 + 40), statistics.MinWall);
        Assert.Equal(Ms(2 + 6), statistics.Median["DS1001"]);
        Assert.Equal(Ms(1 + 4), statistics.Min["DS1001"]);
        Assert.Empty(statistics.Cold);
    }

    [Fact]
    public void An_analyzer_missing_from_a_pass_counts_as_zero_there()
    {
        var statistics = new PassStatistics();
        statistics.AddProject([Pass(10, ("BL0005", 4)), Pass(10), Pass(10, ("BL0005", 6))]);

        Assert.Equal(Ms(4), statistics.Median["BL0005"]);
        Assert.Equal(TimeSpan.Zero, statistics.Min["BL0005"]);
    }

    [Fact]
    public void A_project_needs_at_least_one_timed_pass()
    {
        Assert.Throws<ArgumentException>(() => new PassStatistics().AddProject([]));
    }

    [Fact]
    public void The_order_of_the_sets_alternates_between_passes_and_between_projects()
    {
        Assert.True(PassStatistics.InGivenOrder(0, 0));
        Assert.False(PassStatistics.InGivenOrder(0, 1));
        Assert.False(PassStatistics.InGivenOrder(1, 0));
        Assert.True(PassStatistics.InGivenOrder(1, 1));

        // Over six passes of a project, each order comes first three times.
        Assert.Equal(3, Enumerable.Range(0, 6).Count(pass => PassStatistics.InGivenOrder(0, pass)));
        Assert.Equal(3, Enumerable.Range(0, 6).Count(pass => PassStatistics.InGivenOrder(7, pass)));
    }
}
