using BenchmarkDotNet.Attributes;
using DualStack.Manifests;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Benchmarks.Scale;

/// <summary>
/// The engine at scale, side by side with <see cref="BareParse"/> of the same files on all cores: the manifest corpus
/// ×30 (10,470 files, 89 MB), generated into a temporary folder at set-up and read from disk by both, as
/// <c>dslint lint FOLDER</c> reads it. Peak memory of the real processes is measured by <c>scale.sh</c> beside this file.
/// </summary>
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    private string _folder = string.Empty;
    private IReadOnlyList<string> _files = [];

    [Params(30)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = ScaleCorpus.Find() ?? throw new InvalidOperationException("shared/corpus/manifests not found; set DSLINT_CORPUS");
        _folder = Path.Combine(Path.GetTempPath(), $"dslint-scale-{Environment.ProcessId}");
        ScaleCorpus.Copies(corpus, _folder, Copies);
        _files = ScaleCorpus.ManifestFiles(_folder);
        Console.WriteLine($"// scale corpus: {_files.Count} files, {_files.Sum(f => new FileInfo(f).Length):N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "read + YamlStream parse, all cores")]
    public int Parse() => BareParse.Run(_files);

    [Benchmark(Description = "ManifestLinter.Lint, files read as it goes")]
    public int Lint() =>
        ManifestLinter.Lint(
            _files.Select(f => new ManifestInput(f, new FileInfo(f).Length, () => SourceFileReader.Default.Read(f))).ToList(),
            new FixedConfiguration(LintOptions.Default),
            CheckSet.Registered).Findings.Count;
}
