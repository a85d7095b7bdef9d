using DualStack.Manifests.Cluster;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks;

/// <summary>What a check sees besides the object: options, the cluster model, and where to report.</summary>
public class CheckContext
{
    private readonly Action<Finding> _report;

    public CheckContext(LintOptions options, ClusterModel cluster, Action<Finding> report)
    {
        Options = options;
        Cluster = cluster;
        _report = report;
    }

    public LintOptions Options { get; }

    public ClusterModel Cluster { get; }

    /// <summary>The Kubernetes version of the target; decides strict IP parsing and severities.</summary>
    public KubernetesVersion KubernetesVersion => Options.KubernetesVersion;

    /// <summary>
    /// Reports a finding on <paramref name="node"/> of <paramref name="obj"/>.
    /// </summary>
    /// <param name="ruleId">A catalog ID.</param>
    /// <param name="obj">The object the finding is about.</param>
    /// <param name="node">The smallest offending node (the value, not the whole object).</param>
    /// <param name="field">The field path as the API server prints it, e.g. <c>spec.clusterIPs[1]</c>.</param>
    /// <param name="message">What is wrong, quoting the value and naming the expected one.</param>
    /// <param name="severity">The severity for this case when it differs from the rule's default.</param>
    /// <param name="fix">A safe text edit, when there is one.</param>
    public void Report(string ruleId, KubeObject obj, YamlNode node, string field, string message, Severity? severity = null, TextEdit? fix = null) =>
        Report(ruleId, obj.Document, node, obj.Reference, field, message, severity, fix);

    /// <summary>Reports a finding on a node of a document that is not a Kubernetes object (cluster configuration files).</summary>
    public void Report(string ruleId, LoadedDocument document, YamlNode node, string? objectName, string field, string message, Severity? severity = null, TextEdit? fix = null) =>
        Report(ruleId, document, document.SpanOf(node), objectName, field, message, severity, fix);

    /// <summary>Reports a finding at <paramref name="span"/> of <paramref name="document"/> (an item inside a comma-separated scalar).</summary>
    public void Report(string ruleId, LoadedDocument document, SourceSpan span, string? objectName, string field, string message, Severity? severity = null, TextEdit? fix = null) =>
        Report(ruleId, document.File.Path, span, objectName, field, message, severity, fix);

    /// <summary>Reports a finding at <paramref name="span"/> of the file at <paramref name="path"/> (from a summary, whose tree is gone).</summary>
    public void Report(string ruleId, string path, SourceSpan span, string? objectName, string field, string message, Severity? severity = null, TextEdit? fix = null)
    {
        var rule = RuleCatalog.Get(ruleId);
        _report(new Finding
        {
            RuleId = rule.Id,
            Severity = severity ?? rule.DefaultSeverity,
            Message = message,
            File = path,
            Line = span.Line,
            Column = span.Column,
            EndLine = span.EndLine,
            EndColumn = span.EndColumn,
            Object = objectName,
            Field = field,
            Fix = fix,
        });
    }
}

/// <summary>
/// The context of a run-wide check: the run's cluster model and, per file, the context a finding about that file is
/// reported through. There are no run-wide options: the inputs of one run can have different .editorconfig settings,
/// so a check takes the options of the file it reports on (the Service's, the configuration file's), and its result
/// does not depend on the order of the inputs.
/// </summary>
public sealed class RunCheckContext
{
    private readonly Func<string, CheckContext> _forFile;

    public RunCheckContext(ClusterModel cluster, Func<string, CheckContext> forFile)
    {
        Cluster = cluster;
        _forFile = forFile;
    }

    public ClusterModel Cluster { get; }

    /// <summary>The context (options, reporting) of the input at <paramref name="path"/>.</summary>
    public CheckContext For(string path) => _forFile(path);

    /// <summary>The context of the file that holds <paramref name="obj"/>.</summary>
    public CheckContext For(KubeObject obj) => For(obj.Document.File.Path);
}
