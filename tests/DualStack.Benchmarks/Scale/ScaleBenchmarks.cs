using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DualStack.Manifests;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Rendering;
using DualStack.Rules;

namespace DualStack.Benchmarks.Scale;

/// <summary>
/// The engine at scale, side by side with <see cref="BareParse"/> of the same files on all cores, both reading the
/// files from disk: the manifest corpus ×30 (10,470 files, 89 MB) and eight 8.9 MB files, generated into a temporary
/// folder at set-up. The lint is what <c>dslint lint FOLDER</c> runs (<see cref="RenderedLint"/> over inputs read as the
/// engine gets to them, Helm output traced). Each operation takes seconds, so one invocation per iteration; two
/// warm-ups (the first run of either side is mostly just-in-time compilation) and twelve iterations, because on this
/// shared 2-core machine one iteration varies by ±50 % with the other engineers' load. Peak memory of real processes is
/// measured by <c>scale.sh</c> beside this file.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 12, invocationCount: 1)]
public class ScaleBenchmarks
{
    private string _folder = string.Empty;
    private IReadOnlyList<string> _files = [];

    /// <summary><c>corpus-x30</c> or <c>8x8.9MB</c>.</summary>
    [Params("corpus-x30", "8x8.9MB")]
    public string Input { get; set; } = "corpus-x30";

    [GlobalSetup]
    public void Setup()
    {
        var corpus = ScaleCorpus.Find() ?? throw new InvalidOperationException("shared/corpus/manifests not found; set DSLINT_CORPUS");
        _folder = Path.Combine(Path.GetTempPath(), $"dslint-scale-{Environment.ProcessId}");
        if (Input == "8x8.9MB")
        {
            ScaleCorpus.LargeFiles(corpus, _folder, 8, (long)(8.9 * 1024 * 1024));
        }
        else
        {
            ScaleCorpus.Copies(corpus, _folder, 30);
        }

        _files = ScaleCorpus.ManifestFiles(_folder);
        Console.WriteLine($"// {Input}: {_files.Count} files, {_files.Sum(f => new FileInfo(f).Length):N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "read + YamlStream parse, all cores")]
    public int Parse() => BareParse.Run(_files);

    [Benchmark(Description = "dslint lint engine (RenderedLint, files read as it goes)")]
    public int Lint() => LintFolder(_folder, _files);

    /// <summary>
    /// Both sides, one after the other, <paramref name="rounds"/> times in this process with each time written out:
    /// for a profiler to sample the steady state (<c>DualStack.Benchmarks lint-loop FOLDER ROUNDS</c>).
    /// </summary>
    public static void Loop(string folder, int rounds, TextWriter output)
    {
        var files = ScaleCorpus.ManifestFiles(folder);
        for (var round = 0; round < rounds; round++)
        {
            var parse = Measure(() => BareParse.Run(files));
            var lint = Measure(() => LintFolder(folder, files));
            output.WriteLine($"round {round}: parse {parse}; lint {lint}; wall ratio {lint.Wall / parse.Wall:F2}, CPU ratio {lint.Cpu / parse.Cpu:F2}");
        }
    }

    private static Side Measure(Func<int> run)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gen2 = GC.CollectionCount(2);
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var count = run();
        wall.Stop();
        process.Refresh();
        return new Side(wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e9, GC.CollectionCount(2) - gen2, ThreadPool.ThreadCount, count);
    }

    private readonly record struct Side(double Wall, double Cpu, double AllocatedGB, int Gen2, int Threads, int Count)
    {
        public override string ToString() => $"{Wall:F2} s wall, {Cpu:F2} s CPU, {AllocatedGB:F2} GB, {Gen2} gen2, {Threads} pool threads ({Count})";
    }

    private static int LintFolder(string folder, IReadOnlyList<string> files) =>
        RenderedLint.Lint(
            files.Select(f => new ManifestInput(f, new FileInfo(f).Length, () => SourceFileReader.Default.Read(f))).ToList(),
            new FixedConfiguration(LintOptions.Default),
            new RenderingOptions(new LintedTree(folder, [folder]))).Findings.Count;
}
