using DualStack.Manifests;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Build;

/// <summary>
/// The task's logic without MSBuild: reads the manifests, resolves configuration exactly as dslint does
/// (.editorconfig by path, then MSBuild overrides), runs the engine, and returns the findings. Problems with the
/// configuration itself go to <paramref name="reportProblem"/> as messages the task turns into warnings.
/// </summary>
public static class ManifestLintRunner
{
    public static IReadOnlyList<Finding> Run(ManifestLintRequest request, Action<string> reportProblem)
    {
        var baseOptions = LintOptions.Default;
        var familiesGiven = false;
        var versionGiven = false;
        if (!string.IsNullOrWhiteSpace(request.IpFamilies))
        {
            if (IpFamilies.TryParse(request.IpFamilies, out var families, out var error))
            {
                baseOptions = baseOptions with { IpFamilies = families, IpFamiliesFromCommandLine = true };
                familiesGiven = true;
            }
            else
            {
                reportProblem("DualStackLintIpFamilies: " + error);
            }
        }

        if (!string.IsNullOrWhiteSpace(request.KubernetesVersion))
        {
            if (Rules.KubernetesVersion.TryParse(request.KubernetesVersion, out var version))
            {
                baseOptions = baseOptions with { KubernetesVersion = version };
                versionGiven = true;
            }
            else
            {
                reportProblem($"DualStackLintKubernetesVersion: \"{request.KubernetesVersion}\" is not a Kubernetes version such as 1.36");
            }
        }

        var paths = request.Manifests
            .Select(m => Path.GetFullPath(Path.Combine(request.ProjectDirectory, m)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

        var configFiles = EditorConfigConfiguration.DiscoverEditorConfigs(paths)
            .Concat(request.ExtraConfigFiles.Where(File.Exists).Select(Path.GetFullPath))
            .ToList();
        var problems = new List<string>();
        var configuration = new EditorConfigConfiguration(configFiles, baseOptions, familiesGiven, versionGiven, problems);

        var files = paths.Select(p => SourceFileReader.Default.Read(p)).ToList();
        var result = ManifestLinter.Lint(files, configuration);
        foreach (var problem in problems)
        {
            reportProblem(problem);
        }

        return result.Findings;
    }
}
