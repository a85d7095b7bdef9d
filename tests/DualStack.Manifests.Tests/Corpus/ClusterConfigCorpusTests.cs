using System.Text;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Corpus;

/// <summary>
/// Lints every YAML file of shared/corpus/cluster-config/ (one run per file: they describe unrelated clusters) and
/// compares with the checked-in cluster-config-expected.txt; DSLINT_UPDATE_GOLDEN=1 rewrites it. The .env, .txt and .nix files
/// are not YAML (a cni-env file, args-file lines, a Nix expression) and are not inputs of the engine.
/// </summary>
public sealed class ClusterConfigCorpusTests
{
    private static string ExpectedPath =>
        Path.Combine(RepositoryPaths.Root, "tests", "DualStack.Manifests.Tests", "Corpus", "cluster-config-expected.txt");

    [SharedFact]
    public void Corpus_findings_match_the_checked_in_expectation() =>
        AssertGolden(LintCorpus(RepositoryPaths.InShared("corpus", "cluster-config")));

    internal static string LintCorpus(string directory)
    {
        var actual = new StringBuilder();
        foreach (var path in Directory.GetFiles(directory).OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!name.EndsWith(".yaml", StringComparison.Ordinal) && !name.EndsWith(".yml", StringComparison.Ordinal))
            {
                actual.Append("# not YAML, not linted: ").Append(name).Append('\n');
                continue;
            }

            var result = ManifestLinter.Lint([SourceFile.FromText(name, File.ReadAllText(path))], LintOptions.Default);
            if (result.Findings.Count == 0)
            {
                actual.Append("# clean: ").Append(name).Append('\n');
            }

            foreach (var f in result.Findings)
            {
                actual.Append(Format(f)).Append('\n');
            }
        }

        return actual.ToString();
    }

    [SharedFact]
    public void The_k3s_service_range_inside_the_default_Cilium_IPv6_pool_is_found_across_files() =>
        AssertK3sCiliumOverlap(RepositoryPaths.InShared("corpus", "cluster-config"));

    internal static void AssertK3sCiliumOverlap(string directory)
    {
        // Both files come from the same blog post: the k3s controller config and the Cilium values of one cluster.
        var files = new[] { "k3s-config-ipv6only-netops2devops.yaml", "cilium-values-ipv6only-netops2devops.yaml" }
            .Select(n => SourceFile.FromText(n, File.ReadAllText(Path.Combine(directory, n))))
            .ToList();
        var findings = ManifestTestHelper.Lint(files);
        var overlap = Assert.Single(findings, f => f.RuleId == "DS3004");
        Assert.Equal(("k3s-config-ipv6only-netops2devops.yaml", 18, 16, "service-cidr"), (overlap.File, overlap.Line, overlap.Column, overlap.Field));
        Assert.Contains("fd00::/104", overlap.Message, StringComparison.Ordinal);
    }

    internal static string Format(Finding f) =>
        $"{f.File}:{f.Line}:{f.Column}: {f.Severity.ToString().ToLowerInvariant()} {f.RuleId}: {f.Message} [{f.Object} {f.Field}]";

    internal static void AssertGolden(string actual)
    {
        if (Environment.GetEnvironmentVariable("DSLINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(ExpectedPath, actual);
            return;
        }

        var expected = File.Exists(ExpectedPath) ? File.ReadAllText(ExpectedPath).Replace("\r\n", "\n") : string.Empty;
        Assert.Equal(expected, actual);
    }
}
