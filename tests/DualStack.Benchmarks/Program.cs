using BenchmarkDotNet.Running;
using DualStack.Benchmarks.Scale;

// Helper modes for scale.sh (whole processes, measured from outside), else BenchmarkDotNet.
switch (args)
{
    case ["bare-parse", var folder]:
        Console.WriteLine($"{BareParse.Run(ScaleCorpus.ManifestFiles(folder))} documents");
        return 0;
    case ["make-copies", var target, var copies]:
        if (ScaleCorpus.Find() is not { } corpus)
        {
            return 3;
        }

        ScaleCorpus.Copies(corpus, target, int.Parse(copies, System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case ["make-large", var target, var count, var megabytes]:
        if (ScaleCorpus.Find() is not { } source)
        {
            return 3;
        }

        ScaleCorpus.LargeFiles(source, target, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), (long)(double.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024));
        return 0;
    case ["lint-loop", var folder, var rounds]:
        // In-process repetitions of ScaleBenchmarks' two sides, for a profiler (perf, dotnet-trace) to sample.
        ScaleBenchmarks.Loop(folder, int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(DualStack.Benchmarks.CorpusBenchmarks).Assembly).Run(args);
        return 0;
}
