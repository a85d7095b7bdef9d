using DualStack.Manifests.Yaml;
using DualStack.Rules;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Tests.Engine;

/// <summary>
/// Every registered check must survive values of the wrong shape: each value of realistic seed objects is replaced,
/// one at a time, by odd values (null, empty, a list where a string is expected, a number where a mapping is
/// expected, …) and the result linted. A check that throws shows up as DS0002 "internal error"; none may.
/// </summary>
public sealed class CheckRobustnessTests
{
    private static readonly string[] OddValues = ["~", "[]", "[1, [2], {a: b}]", "99999999999999999999", "\"::\""];

    public static TheoryData<string> Seeds() => new(SeedNames());

    private static IEnumerable<string> SeedNames() => Directory
        .EnumerateFiles(Path.Combine(GoldenFile.ProjectDirectory, "Engine", "Seeds"), "*.yaml")
        .Select(Path.GetFileName)
        .OrderBy(n => n, StringComparer.Ordinal)!;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_check_throws_on_odd_values(string seed)
    {
        var text = File.ReadAllText(Path.Combine(GoldenFile.ProjectDirectory, "Engine", "Seeds", seed));
        var file = YamlLoader.Load(SourceFile.FromText(seed, text));
        Assert.Empty(file.Findings);

        // All variants in one run: files are linted in parallel, and each variant is a file of its own.
        var variants = new List<(string Description, SourceFile File)>();
        foreach (var (start, length) in ValueSpans(file))
        {
            foreach (var odd in OddValues)
            {
                var variant = text.Substring(0, start) + odd + text.Substring(start + length);
                var description = $"{text.Substring(start, Math.Min(length, 40)).Replace('\n', ' ')} -> {odd}";
                variants.Add((description, SourceFile.FromText($"{seed}#{variants.Count}", variant)));
            }
        }

        var findings = ManifestTestHelper.Lint(variants.Select(v => v.File).ToList());
        var byPath = variants.ToDictionary(v => v.File.Path, v => v.Description, StringComparer.Ordinal);
        var failures = findings
            .Where(f => f.RuleId == RuleIds.UnreadableInput)
            .Select(f => $"{byPath[f.File]}: {f.Message}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(20)));
    }

    [Fact]
    public void Seeds_are_linted_without_internal_errors() =>
        Assert.All(SeedNames(), seed =>
            Assert.DoesNotContain(
                ManifestTestHelper.Lint(File.ReadAllText(Path.Combine(GoldenFile.ProjectDirectory, "Engine", "Seeds", seed)), path: seed),
                f => f.RuleId is RuleIds.UnreadableInput or RuleIds.YamlSyntaxError));

    // The text range of every mapping value and sequence item (not keys), whole collections included.
    private static IEnumerable<(int Start, int Length)> ValueSpans(LoadedFile file)
    {
        foreach (var document in file.Documents)
        {
            var values = new List<YamlNode>();
            foreach (var node in YamlWalker.DistinctNodes(document.Root))
            {
                switch (node)
                {
                    case YamlMappingNode mapping:
                        // Not Children.Values: YamlDotNet 16.3's ValueCollection.CopyTo throws, so AddRange on it fails.
                        values.AddRange(mapping.Children.Select(e => e.Value));
                        break;
                    case YamlSequenceNode sequence:
                        values.AddRange(sequence.Children);
                        break;
                }
            }

            foreach (var value in values)
            {
                var span = YamlWalker.FullSpanOf(document, value);
                if (span.Length > 0)
                {
                    yield return (span.Start, span.Length);
                }
            }
        }
    }
}
