using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.IpValues;

/// <summary>
/// The pod specs of an object with their paths (a Pod's <c>spec</c>, a workload's <c>spec.template.spec</c>, a
/// CronJob's <c>spec.jobTemplate.spec.template.spec</c>).
/// </summary>
internal static class PodTemplateSpecs
{
    private static readonly HashSet<string> TemplateKinds = new(StringComparer.Ordinal)
    {
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job",
    };

    public static IEnumerable<(YamlMappingNode Spec, string Path)> Of(KubeObject obj)
    {
        var found = obj.Kind switch
        {
            "Pod" when obj.Group.Length == 0 => (obj.Spec, "spec"),
            "PodTemplate" when obj.Group.Length == 0 => (obj.Root.GetMapping("template").GetMapping("spec"), "template.spec"),
            "CronJob" when obj.Group == "batch" =>
                (obj.Spec.GetMapping("jobTemplate").GetMapping("spec").GetMapping("template").GetMapping("spec"), "spec.jobTemplate.spec.template.spec"),
            _ when TemplateKinds.Contains(obj.Kind) && obj.Group is "" or "apps" or "batch" or "extensions" =>
                (obj.Spec.GetMapping("template").GetMapping("spec"), "spec.template.spec"),
            _ => ((YamlMappingNode?)null, string.Empty),
        };

        if (found.Item1 is { } spec)
        {
            yield return (spec, found.Item2);
        }
    }
}
