using CsCheck;

namespace DualStack.Fuzz.Tests;

/// <summary>
/// The inputs the harness mutates (the seed manifests, plus every YAML file of <c>../shared/corpus</c> when it is
/// beside the clone) and the CsCheck generator of fuzz cases over them.
/// </summary>
internal static class FuzzInputs
{
    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> Corpus = new(ReadCorpus);

    public static IReadOnlyList<(string Name, string Text)> Seeds => SeedManifests.All;

    /// <summary>The corpus manifests and configuration files, or none when <c>../shared</c> is absent.</summary>
    public static IReadOnlyList<(string Name, string Text)> CorpusFiles => Corpus.Value;

    /// <summary>A fuzz case: which seed, how it is mutated (kind, random seed, steps), and the target cluster.</summary>
    public static Gen<FuzzCase> Cases(int seedCount) =>
        Gen.Select(Gen.Int[0, seedCount - 1], Gen.Enum<MutationKind>(), Gen.Int, Gen.Int[1, 6], Gen.Int[0, 2])
            .Select((seed, kind, random, steps, target) => new FuzzCase(seed, kind, random, steps, target));

    private static IReadOnlyList<(string Name, string Text)> ReadCorpus()
    {
        if (RepositoryPaths.Shared is null || !Directory.Exists(RepositoryPaths.InShared("corpus")))
        {
            return [];
        }

        var root = RepositoryPaths.InShared("corpus");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetRelativePath(root, p), File.ReadAllText(p)))
            .ToList();
    }
}

/// <summary>One generated input, printable so a failure names how to rebuild it.</summary>
internal sealed record FuzzCase(int Seed, MutationKind Kind, int Random, int Steps, int Target)
{
    public byte[] Build(IReadOnlyList<(string Name, string Text)> seeds) => Mutators.Mutate(seeds[Seed].Text, Kind, Random, Steps);
}
