using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Manifests.Rendering;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Rendering;

/// <summary>Kustomizations among the inputs: patches are partial objects, merged objects are linted at their origins.</summary>
public sealed class KustomizeLintTests : IDisposable
{
    // The base of tests/Shared's kustomization, which the front ends' tests lint too.
    private const string BaseService = KustomizeFixture.BaseService;

    private const string LoadBalancerPatch = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          type: LoadBalancer

        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void Write(string path, string text) => _folder.Write(path, text);

    /// <summary>Lints every YAML file of the temp folder (as <c>dslint lint .</c> there would).</summary>
    private LintResult Lint()
    {
        var files = Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => new RenderingInput(SourceFile.FromText(Path.GetRelativePath(_folder.Path, f), File.ReadAllText(f)), f)).ToList();
        return RenderedLint.Lint(files, new FixedConfiguration(LintOptions.Default), new RenderingOptions(new LintedTree(_folder.Path, [])));
    }

    private static string[] Describe(LintResult result) =>
        result.Findings.Select(f => $"{f.RuleId} {f.File}:{f.Line}:{f.Column} {f.Field}".TrimEnd()).ToArray();

    private void WriteOverlay(string patch, string patchName = "lb.yaml", string extra = "")
    {
        Write("base/kustomization.yaml", "resources:\n- service.yaml\n");
        Write("base/service.yaml", BaseService);
        Write($"overlay/{patchName}", patch);
        Write("overlay/kustomization.yaml", $"resources:\n- ../base\npatches:\n- path: {patchName}\n{extra}");
    }

    [Fact]
    public void A_patch_that_only_sets_LoadBalancer_gets_no_DS2005_when_its_base_sets_the_policy()
    {
        WriteOverlay(LoadBalancerPatch);
        var result = Lint();

        Assert.Empty(Describe(result));
        Assert.Equal((4, 4), (result.Files, result.Documents));
    }

    [Fact]
    public void Without_the_kustomization_the_same_patch_file_is_a_whole_Service_with_DS2005()
    {
        Write("overlay/lb.yaml", LoadBalancerPatch);
        Assert.Equal(["DS2005 overlay/lb.yaml:5:1 spec.ipFamilyPolicy"], Describe(Lint()));
    }

    [Fact]
    public void A_finding_of_the_merged_object_points_at_the_patch_line_that_set_the_field()
    {
        WriteOverlay(LoadBalancerPatch + "  loadBalancerSourceRanges:\n  - 10.0.0.0/8\n");
        var finding = Assert.Single(Lint().Findings);

        Assert.Equal("DS2010 overlay/lb.yaml:8:3 spec.loadBalancerSourceRanges", $"{finding.RuleId} {finding.File}:{finding.Line}:{finding.Column} {finding.Field}");
        Assert.EndsWith("(in Service/web as patched by overlay/lb.yaml)", finding.Message);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void A_finding_on_a_base_field_is_reported_once_at_the_base()
    {
        WriteOverlay(LoadBalancerPatch);
        Write("base/service.yaml", BaseService.Replace("  ipFamilyPolicy: PreferDualStack\n", string.Empty, StringComparison.Ordinal));

        Assert.Equal(["DS2005 base/service.yaml:5:1 spec.ipFamilyPolicy"], Describe(Lint()));
    }

    [Fact]
    public void A_patch_that_sets_the_policy_fixes_the_merged_object_but_the_base_keeps_its_own_finding()
    {
        WriteOverlay(LoadBalancerPatch.Replace("  type: LoadBalancer", "  ipFamilyPolicy: SingleStack", StringComparison.Ordinal));

        Assert.Equal(["DS2005 overlay/lb.yaml:6:19 spec.ipFamilyPolicy"], Describe(Lint()));
    }

    [Fact]
    public void A_comment_suppression_in_the_base_covers_the_merged_finding()
    {
        WriteOverlay(LoadBalancerPatch);
        Write("base/service.yaml", "# dslint-disable-file DS2005 only IPv4 clients use it\n" + BaseService.Replace("  ipFamilyPolicy: PreferDualStack\n", string.Empty, StringComparison.Ordinal));

        Assert.Empty(Describe(Lint()));
    }

    [Fact]
    public void Json6902_and_inline_patches_are_applied_at_their_lines()
    {
        Write("base/service.yaml", BaseService);
        Write("ops.yaml", "- op: add\n  path: /spec/loadBalancerSourceRanges\n  value: [\"10.0.0.0/8\"]\n");
        Write("kustomization.yaml", """
            resources:
            - base/service.yaml
            patchesJson6902:
            - target: {version: v1, kind: Service, name: web}
              path: ops.yaml
            patches:
            - patch: |-
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  type: LoadBalancer
                  externalIPs: ["0.0.0.0"]

            """);

        Assert.Equal(
            ["DS2009 kustomization.yaml:14:21 spec.externalIPs[0]", "DS2010 ops.yaml:3:10 spec.loadBalancerSourceRanges"],
            Describe(Lint()));
    }

    [Fact]
    public void A_patch_whose_base_is_remote_is_a_partial_object()
    {
        Write("kustomization.yaml", "resources:\n- https://github.com/example/app//deploy?ref=v1\npatchesStrategicMerge:\n- lb.yaml\n");
        Write("lb.yaml", LoadBalancerPatch + "  ipFamilies: [IPv4, IPv4]\n");

        Assert.Equal(
            ["DS0002 kustomization.yaml:2:3", "DS2002 lb.yaml:7:22 spec.ipFamilies[1]"],
            Describe(Lint()));
        Assert.Equal(Severity.Info, Lint().Findings[0].Severity);
    }

    [Fact]
    public void A_patch_that_cannot_be_read_says_why_and_a_missing_one_says_so()
    {
        // Neither patch is an input of the run (not *.yaml), so the kustomization's finding is the only word about it.
        WriteOverlay("apiVersion: v1\nkind: Service\0binary", patchName: "lb.patch", extra: "- path: gone.patch\n");

        var messages = Lint().Findings.Select(f => $"{f.RuleId} {f.File}:{f.Line} {f.Message}").ToList();

        Assert.Contains("DS0002 overlay/kustomization.yaml:4 patch \"lb.patch\" cannot be read: the file is binary, not text (a NUL byte at offset 28); only YAML and JSON files can be linted", messages);
        Assert.Contains("DS0002 overlay/kustomization.yaml:5 patch \"gone.patch\" does not exist", messages);
    }

    [Fact]
    public void Cycles_self_references_missing_and_outside_files_are_reported_and_never_hang()
    {
        Write("a/kustomization.yaml", "resources:\n- ../b\n- .\n- kustomization.yaml\n- missing.yaml\n- ../../outside.yaml\n- /etc/passwd\n");
        Write("b/kustomization.yaml", "resources:\n- ../a\n");

        var messages = Lint().Findings.Select(f => $"{f.File}:{f.Line} {f.Message}").ToList();
        Assert.Contains("a/kustomization.yaml:3 resource \".\" leads back to a/kustomization.yaml, a kustomization already being built (a cycle kustomize rejects); it is not followed", messages);
        Assert.Contains("a/kustomization.yaml:4 resource \"kustomization.yaml\" leads back to a/kustomization.yaml, a kustomization already being built (a cycle kustomize rejects); it is not followed", messages);
        Assert.Contains("a/kustomization.yaml:5 resource \"missing.yaml\" does not exist", messages);
        Assert.Contains("a/kustomization.yaml:6 resource \"../../outside.yaml\" is outside the linted folders (or reached through a symbolic link), so it is not read; lint a folder that holds it", messages);
        Assert.Contains("a/kustomization.yaml:7 resource \"/etc/passwd\" is an absolute path, which kustomize rejects; it is not read", messages);
        Assert.Contains("b/kustomization.yaml:2 resource \"../a\" leads back to a/kustomization.yaml, a kustomization already being built (a cycle kustomize rejects); it is not followed", messages);
    }

    [Fact]
    public void Files_kustomize_reads_keep_the_configured_size_limit()
    {
        // Only the overlay is linted; its base is read through the kustomization, and is over a 2 KB limit.
        WriteOverlay(LoadBalancerPatch);
        Write("base/service.yaml", BaseService + string.Concat(Enumerable.Repeat("# padding to pass the limit\n", 150)));
        var inputs = new[] { "overlay/kustomization.yaml", "overlay/lb.yaml" }
            .Select(f => new RenderingInput(SourceFile.FromText(f, File.ReadAllText(Path.Combine(_folder.Path, f))), Path.Combine(_folder.Path, f)))
            .ToList();
        var limited = new FixedConfiguration(LintOptions.Default with { MaxFileBytes = 2048 });

        var messages = RenderedLint.Lint(inputs, limited, new RenderingOptions(new LintedTree(_folder.Path, []))).Findings
            .Select(f => $"{f.RuleId} {f.File}:{f.Line} {f.Message}").ToList();

        // The finding says why, as the file's own DS0002 would: the base is not an input of this run, so nothing else does.
        Assert.Contains(messages, m => m.StartsWith("DS0002 base/kustomization.yaml:2 resource \"service.yaml\" cannot be read: the file is ", StringComparison.Ordinal)
            && m.Contains(", over the 2048 bytes size limit; it was not read; raise the limit with --max-file-size", StringComparison.Ordinal));
    }
}
