using BenchmarkDotNet.Attributes;
using DualStack.Manifests;
using DualStack.Manifests.Engine;
using DualStack.Rules;
using YamlDotNet.RepresentationModel;

namespace DualStack.Benchmarks;

/// <summary>
/// Engine throughput on the real-world manifests of <c>shared/corpus/manifests/</c> (read into memory once), against
/// the floor: YamlDotNet parsing the same text into a <see cref="YamlStream"/> and nothing else. The gap is what
/// document splitting, positions, object recognition and every registered check cost.
/// </summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private IReadOnlyList<SourceFile> _files = [];

    /// <summary>Number of files and bytes, printed once so the README's figures can be turned into MB/s.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var root = CorpusLocator.ManifestsFolder();
        _files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => SourceFileReader.Default.Read(f, Path.GetRelativePath(root, f)))
            .ToList();
        var bytes = _files.Sum(f => (long)(f.Text?.Length ?? 0));
        Console.WriteLine($"// corpus: {_files.Count} files, {bytes:N0} characters");
    }

    [Benchmark(Baseline = true, Description = "YamlDotNet parse only")]
    public int YamlDotNetParse()
    {
        var documents = 0;
        foreach (var file in _files)
        {
            if (file.Text is null)
            {
                continue;
            }

            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(file.Text));
                documents += stream.Documents.Count;
            }
            catch (YamlDotNet.Core.YamlException)
            {
                // Helm templates and the odd broken file: the engine reports them; the floor just skips them.
            }
        }

        return documents;
    }

    [Benchmark(Description = "ManifestLinter.Lint (loading only, no checks)")]
    public int EngineLoadOnly() => ManifestLinter.Lint(_files, LintOptions.Default, CheckSet.None).Findings.Count;

    [Benchmark(Description = "ManifestLinter.Lint (all checks)")]
    public int EngineLint() => ManifestLinter.Lint(_files, LintOptions.Default).Findings.Count;
}
