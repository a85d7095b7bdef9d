using System.Globalization;

namespace DualStack.Fuzz.Tests;

/// <summary>
/// The knobs of a long run, from the environment: <c>DSLINT_FUZZ_ITERATIONS</c> (inputs; setting it turns the long run
/// on), <c>DSLINT_FUZZ_SEED</c> (a CsCheck seed printed by a failing run, to replay it) and
/// <c>DSLINT_FUZZ_FAILURES</c> (where failing inputs are written; default: a folder under the system temp folder).
/// </summary>
internal static class FuzzSettings
{
    /// <summary>The fixed PCG seed of the smoke run: the same inputs on every machine, every time.</summary>
    public const ulong SmokeSeed = 0x11_2026_1205UL;

    /// <summary>Inputs per smoke test: seeds and corpus each get this many.</summary>
    public const int SmokeIterations = 10_000;

    public static long? LongRunIterations =>
        long.TryParse(Environment.GetEnvironmentVariable("DSLINT_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    public static string? LongRunSeed => Environment.GetEnvironmentVariable("DSLINT_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    public static string FailureFolder =>
        Environment.GetEnvironmentVariable("DSLINT_FUZZ_FAILURES") is { Length: > 0 } folder ? folder : Path.Combine(Path.GetTempPath(), "dslint-fuzz-failures");

    /// <summary>Where the replayed regression inputs are copied next to the test assembly.</summary>
    public static string RegressionFolder => Path.Combine(AppContext.BaseDirectory, "Regressions");
}

/// <summary>The long run: skipped unless <c>DSLINT_FUZZ_ITERATIONS</c> is set.</summary>
public sealed class LongRunFactAttribute : FactAttribute
{
    public LongRunFactAttribute()
    {
        if (FuzzSettings.LongRunIterations is null)
        {
            Skip = "set DSLINT_FUZZ_ITERATIONS to run the long fuzz run";
        }
    }
}
