using DualStack.Manifests.Cluster.Config;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>Reporting and wording helpers shared by the DS3xxx checks.</summary>
internal static class ConfigReport
{
    /// <summary>Reports at the value's own characters, with its config kind as object and its key path as field.</summary>
    public static void Report(this CheckContext context, string ruleId, ConfigValue value, string message, Severity? severity = null) =>
        context.Report(ruleId, value.Document, value.Span, value.ObjectName, value.Field, message, severity);

    /// <summary>Reports at the value, through the context (options) of the file that holds it.</summary>
    public static void Report(this RunCheckContext context, string ruleId, ConfigValue value, string message, Severity? severity = null) =>
        context.For(value.Path).Report(ruleId, value, message, severity);

    public static string Families(IEnumerable<IpFamily> families)
    {
        var list = families.Distinct().ToList();
        return list.Count == 0 ? "none" : string.Join(",", list);
    }
}
