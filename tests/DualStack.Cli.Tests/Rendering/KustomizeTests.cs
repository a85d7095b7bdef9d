using System.Text.Json;

namespace DualStack.Cli.Tests.Rendering;

/// <summary>Kustomize folders and <c>kubectl kustomize</c> output through the real tool.</summary>
public sealed class KustomizeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string[] Findings(DslintResult result)
    {
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("file").GetString()}:{f.GetProperty("line")}:{f.GetProperty("column")} {f.GetProperty("field").GetString()}".TrimEnd())
            .ToArray();
    }

    [Fact]
    public void An_overlay_patch_is_merged_onto_its_base_and_linted_there()
    {
        KustomizeFixture.Write(_folder);
        var result = Dslint.Run(_folder.Path, "lint", "k8s", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["DS2010 k8s/overlay/lb.yaml:8:3 spec.loadBalancerSourceRanges"], Findings(result));
        Assert.Contains("(in Service/prod/web as patched by k8s/overlay/lb.yaml)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"files\": 4,", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_patch_linted_alone_is_a_whole_Service()
    {
        KustomizeFixture.Write(_folder);
        var result = Dslint.Run(_folder.Path, "lint", "k8s/overlay/lb.yaml", "--format", "json");

        Assert.Equal(["DS2005 k8s/overlay/lb.yaml:5:1 spec.ipFamilyPolicy"], Findings(result));
    }

    [Fact]
    public void Fix_changes_the_base_and_never_gives_a_patch_the_fields_of_its_base()
    {
        KustomizeFixture.Write(_folder, KustomizeFixture.BaseServiceWithoutPolicy);
        var result = Dslint.Run(_folder.Path, "lint", "k8s", "--fix");

        Assert.Equal(KustomizeFixture.LoadBalancerPatch, _folder.Read("k8s/overlay/lb.yaml"));
        Assert.Equal(KustomizeFixture.BaseService, _folder.Read("k8s/base/service.yaml"));
        Assert.Contains("dslint: fixed 1 problem in 1 file", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["k8s/overlay/lb.yaml:8:3: warning DS2010"], result.StdoutLines.Where(l => l.Contains(" DS", StringComparison.Ordinal)).Select(l => l.Substring(0, l.IndexOf(": the", StringComparison.Ordinal))));
    }

    [Fact]
    public void Kustomize_output_names_the_source_file_from_origin_annotations()
    {
        KustomizeFixture.Write(_folder);
        var traced = Dslint.RunWithInput(_folder.Path, KustomizeFixture.Rendered, null, "lint", "-", "--rendered-from", "k8s/overlay", "--format", "json");
        var untraced = Dslint.RunWithInput(_folder.Path, KustomizeFixture.Rendered, null, "lint", "-", "--format", "json");

        Assert.Equal(["DS2010 k8s/overlay/lb.yaml:8:3 spec.loadBalancerSourceRanges"], Findings(traced));
        Assert.Contains("(line 12 of the rendered output <stdin>)", traced.Stdout, StringComparison.Ordinal);
        Assert.Equal(["DS2010 ../base/service.yaml:12:3 spec.loadBalancerSourceRanges"], Findings(untraced));
        Assert.Contains("(at line 12 of the rendered output <stdin>: the kustomize source is not at hand; give the kustomization folder with --rendered-from DIR to point into it)", untraced.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public void Kubectl_kustomize_output_piped_in()
    {
        KustomizeFixture.Write(_folder);
        var rendered = Dslint.RunProcess(Kubectl.Path!, ["kustomize", "k8s/overlay"], _folder.Path);
        Assert.Equal(0, rendered.ExitCode);

        var result = Dslint.RunWithInput(_folder.Path, rendered.Stdout, null, "lint", "-", "--rendered-from", "k8s/overlay", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["DS2010 k8s/overlay/lb.yaml"], Findings(result).Select(f => f.Substring(0, f.IndexOf(':', StringComparison.Ordinal))));
    }

    [Fact]
    public void Broken_kustomizations_are_reported_and_the_run_goes_on()
    {
        _folder.Write("k8s/kustomization.yaml", "resources:\n- .\n- missing.yaml\n- https://github.com/example/app//deploy?ref=v1\n- ../../../../etc\n");
        _folder.Write("k8s/service.yaml", KustomizeFixture.BaseService);
        var result = Dslint.Run(_folder.Path, "lint", "k8s");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "k8s/kustomization.yaml:2:3: warning DS0002: resource \".\" leads back to k8s/kustomization.yaml, a kustomization already being built (a cycle kustomize rejects); it is not followed",
                "k8s/kustomization.yaml:3:3: warning DS0002: resource \"missing.yaml\" does not exist",
                "k8s/kustomization.yaml:4:3: info DS0002: remote resource \"https://github.com/example/app//deploy?ref=v1\" is not fetched; patches of its objects are linted as partial objects",
                "k8s/kustomization.yaml:5:3: warning DS0002: resource \"../../../../etc\" is outside the linted folders (or reached through a symbolic link), so it is not read; lint a folder that holds it",
            ],
            result.StdoutLines.Where(l => l.Contains(" DS0002: ", StringComparison.Ordinal)));
    }
}

/// <summary>A fact that needs <c>kubectl</c> (Debian kubernetes-client); skipped, saying so, when it is absent.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kubectl.Path is null)
        {
            Skip = "kubectl is not installed";
        }
    }
}

/// <summary>Finds <c>kubectl</c> on the PATH.</summary>
public static class Kubectl
{
    public static string? Path { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "kubectl"))
            .FirstOrDefault(File.Exists);
}
