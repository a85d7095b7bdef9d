using Microsoft.Build.Framework;

namespace DualStack.Build;

/// <summary>
/// Lints the project's Kubernetes manifests and stores the findings in <see cref="CacheFile"/>.
/// It logs nothing about the findings itself: <see cref="ReportManifestFindings"/> does, on every build, so the
/// output of an up-to-date build is the same as that of a fresh one.
/// </summary>
public sealed class LintKubernetesManifests : Microsoft.Build.Utilities.Task
{
    [Required]
    public ITaskItem[] Manifests { get; set; } = [];

    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    [Required]
    public string CacheFile { get; set; } = string.Empty;

    /// <summary>Global analyzer config files (<c>@(GlobalAnalyzerConfigFiles)</c>) to apply besides .editorconfig files.</summary>
    public ITaskItem[] ConfigFiles { get; set; } = [];

    public string? IpFamilies { get; set; }

    public string? KubernetesVersion { get; set; }

    /// <summary><c>$(DualStackLintBaseline)</c>: findings this baseline file accepts are not reported.</summary>
    public string? Baseline { get; set; }

    public override bool Execute()
    {
        var request = new ManifestLintRequest
        {
            Manifests = Manifests.Select(m => m.GetMetadata("FullPath") is { Length: > 0 } full ? full : m.ItemSpec).ToList(),
            ProjectDirectory = ProjectDirectory,
            ExtraConfigFiles = ConfigFiles.Select(c => c.GetMetadata("FullPath")).Where(p => p.Length > 0).ToList(),
            IpFamilies = IpFamilies,
            KubernetesVersion = KubernetesVersion,
            Baseline = Baseline,
        };

        var findings = ManifestLintRunner.Run(request, LogProblem, note => Log.LogMessage(MessageImportance.Normal, "DualStack.Lint: " + note));
        if (Log.HasLoggedErrors)
        {
            // No cache after a configuration or baseline error: the next build must run (and fail) again, not replay
            // an empty list as if the manifests were clean.
            if (File.Exists(CacheFile))
            {
                File.Delete(CacheFile);
            }

            return false;
        }

        FindingCache.Write(CacheFile, findings);
        return true;
    }

    // A configuration problem at its file and line, so the IDE's error list opens the .editorconfig there.
    private void LogProblem(Manifests.Configuration.ConfigurationProblem problem)
    {
        var message = "DualStack.Lint configuration: " + problem.Message;
        if (problem.IsError)
        {
            Log.LogError(null, null, null, problem.File, problem.Line, 0, 0, 0, message);
        }
        else
        {
            Log.LogWarning(null, null, null, problem.File, problem.Line, 0, 0, 0, message);
        }
    }
}
