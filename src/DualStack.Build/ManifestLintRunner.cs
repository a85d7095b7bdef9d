using DualStack.Manifests;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Build;

/// <summary>
/// The task's logic without MSBuild: reads the manifests, resolves configuration with the engine's one configuration
/// step (<see cref="ConfigurationResolver"/>: .editorconfig/.globalconfig by path, then the MSBuild properties), runs
/// the engine, and returns the findings. Configuration problems go to <paramref name="reportProblem"/>: errors (a bad
/// property or an unreadable configuration file, and then nothing is linted) and warnings naming file and line.
/// </summary>
public static class ManifestLintRunner
{
    public const string IpFamiliesProperty = "DualStackLintIpFamilies";

    public const string KubernetesVersionProperty = "DualStackLintKubernetesVersion";

    public static IReadOnlyList<Finding> Run(ManifestLintRequest request, Action<ConfigurationProblem> reportProblem)
    {
        var paths = request.Manifests
            .Select(m => Path.GetFullPath(Path.Combine(request.ProjectDirectory, m)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

        var resolved = ConfigurationResolver.Resolve(new ConfigurationRequest
        {
            InputPaths = paths,
            ExtraConfigFiles = request.ExtraConfigFiles.Where(File.Exists).ToList(),
            IpFamilies = Given(request.IpFamilies, IpFamiliesProperty),
            KubernetesVersion = Given(request.KubernetesVersion, KubernetesVersionProperty),
        });
        foreach (var problem in resolved.Problems)
        {
            reportProblem(problem);
        }

        if (resolved.HasErrors)
        {
            return [];
        }

        // The size limit is per file, like every key: dualstack_lint.max_file_size by the manifest's path.
        var files = paths.Select(p => SourceFileReader.For(resolved.Configuration.OptionsFor(p)).Read(p)).ToList();
        return ManifestLinter.Lint(files, resolved.Configuration).Findings;
    }

    // An empty MSBuild property means "not set".
    private static SettingOverride? Given(string? value, string property) =>
        string.IsNullOrWhiteSpace(value) ? null : new SettingOverride(value!, property);
}
