using DualStack.Rules;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Services;

/// <summary>A finding computed for a Service before it is reported, so one stage can ask whether another had errors.</summary>
internal sealed record ServiceProblem(string RuleId, YamlNode Node, string Field, string Message, Severity? Severity = null, TextEdit? Fix = null)
{
    public void ReportOn(ServiceSpec service, CheckContext context) =>
        context.Report(RuleId, service.Object, Node, Field, Message, Severity, Fix);
}
