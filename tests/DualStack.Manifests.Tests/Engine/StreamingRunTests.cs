using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Engine;

/// <summary>
/// A run reads each file when it gets to it and keeps only findings and summaries: a file is read once, and again
/// only when the run's cluster configuration changes what its checks read; large files are not parsed side by side.
/// </summary>
public sealed class StreamingRunTests
{
    private const string Service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n";

    private const string KindIPv4 = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  ipFamily: ipv4\n";

    private const string CalicoPool = "apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: pool\nspec:\n  cidr: 10.244.0.0/16\n";

    [Fact]
    public void Without_cluster_configuration_every_file_is_read_once()
    {
        var reads = new Reads();
        var result = Lint(reads, ("a.yaml", Service), ("b.yaml", Service.Replace("web", "api", StringComparison.Ordinal)));

        Assert.Equal(2, result.Findings.Count(f => f.RuleId == "DS2005"));
        Assert.Equal(1, reads["a.yaml"]);
        Assert.Equal(1, reads["b.yaml"]);
    }

    [Fact]
    public void A_file_checked_before_configuration_that_changes_the_target_is_read_again_and_judged_by_it()
    {
        var reads = new Reads();

        // a.yaml comes first in path order; z-kind.yaml makes the cluster IPv4-only, where SingleStack is right.
        var result = Lint(reads, ("a.yaml", Service), ("z-kind.yaml", KindIPv4));

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "DS2005");
        Assert.Equal(2, reads["a.yaml"]);

        // The configuration file too: its own options take the families it defines. Only its configuration document
        // was kept between the passes, not its tree of other objects.
        Assert.Equal(2, reads["z-kind.yaml"]);
        Assert.Equal(["z-kind.yaml"], result.ClusterModelSources);
    }

    [Fact]
    public void Configuration_that_does_not_change_what_a_file_read_leaves_it_read_once()
    {
        var reads = new Reads();

        var result = Lint(reads, ("a.yaml", Service), ("pools.yaml", CalicoPool));

        Assert.Single(result.Findings, f => f.RuleId == "DS2005");
        Assert.Equal(1, reads["a.yaml"]);
    }

    [Fact]
    public void Findings_do_not_depend_on_whether_inputs_are_read_lazily()
    {
        var files = new[] { ("a.yaml", Service), ("m.yaml", CalicoPool + "---\n" + Service.Replace("web", "m", StringComparison.Ordinal)), ("z-kind.yaml", KindIPv4) };

        var eager = ManifestLinter.Lint(files.Select(f => SourceFile.FromText(f.Item1, f.Item2)).ToList(), LintOptions.Default);
        var lazy = Lint(new Reads(), files);

        Assert.Equal(eager.Findings, lazy.Findings);
        Assert.Equal((eager.Files, eager.Documents, eager.Objects), (lazy.Files, lazy.Documents, lazy.Objects));
    }

    [Fact]
    public void Large_files_are_not_parsed_side_by_side()
    {
        var inFlight = 0;
        var most = 0;
        var inputs = Enumerable.Range(0, 6).Select(i => new ManifestInput($"f{i}.yaml", 12L * 1024 * 1024, () =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            Thread.Sleep(30);
            Interlocked.Decrement(ref inFlight);
            return SourceFile.FromText($"f{i}.yaml", Service);
        })).ToList();

        ManifestLinter.Lint(inputs, new FixedConfiguration(LintOptions.Default), CheckSet.Registered);

        Assert.Equal(1, most);
    }

    private static LintResult Lint(Reads reads, params (string Path, string Text)[] files) =>
        ManifestLinter.Lint(
            files.Select(f => new ManifestInput(f.Path, f.Text.Length, () =>
            {
                reads.Count(f.Path);
                return SourceFile.FromText(f.Path, f.Text);
            })).ToList(),
            new FixedConfiguration(LintOptions.Default),
            CheckSet.Registered);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private sealed class Reads
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        public int this[string path] => _counts.TryGetValue(path, out var count) ? count : 0;

        public void Count(string path) => _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
    }
}
