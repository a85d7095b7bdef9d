using DualStack.Rules;
using Microsoft.Build.Framework;

namespace DualStack.Build;

/// <summary>
/// Logs the cached manifest findings with code, file, line, column, end position and help link, so IDE error
/// lists and CI problem matchers place them; errors fail the build. NoWarn and WarningsAsErrors apply to these
/// codes as to compiler warnings (MSBuild maps them to MSBuildWarningsAsMessages / MSBuildWarningsAsErrors).
/// </summary>
public sealed class ReportManifestFindings : Microsoft.Build.Utilities.Task
{
    [Required]
    public string CacheFile { get; set; } = string.Empty;

    public override bool Execute()
    {
        foreach (var finding in FindingCache.Read(CacheFile))
        {
            FindingLogger.Log(Log, finding);
        }

        return !Log.HasLoggedErrors;
    }
}

/// <summary>Turns one finding into the matching MSBuild log call.</summary>
internal static class FindingLogger
{
    public static void Log(Microsoft.Build.Utilities.TaskLoggingHelper log, Finding finding)
    {
        var help = RuleCatalog.TryGet(finding.RuleId, out var rule) ? rule.HelpLink : null;
        var message = finding.Object is null && finding.Field is null
            ? finding.Message
            : $"{finding.Message} [{string.Join(" ", new[] { finding.Object, finding.Field }.Where(s => !string.IsNullOrEmpty(s)))}]";

        // The console shows no help link of a logged warning; the compiler appends its rules' links to the message,
        // so manifest findings do the same and read alike in `dotnet build` output.
        message = help is null ? message : $"{message} ({help})";
        switch (finding.Severity)
        {
            case Severity.Error:
                log.LogError(null, finding.RuleId, null, help, finding.File, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, message);
                break;
            case Severity.Warning:
                log.LogWarning(null, finding.RuleId, null, help, finding.File, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, message);
                break;
            case Severity.Info:
                log.LogMessage(null, finding.RuleId, null, finding.File, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, MessageImportance.High, message);
                break;
        }
    }
}
