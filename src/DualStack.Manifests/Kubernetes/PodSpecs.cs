using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Kubernetes;

/// <summary>A pod spec inside an object, the field path to it as the API server prints it, and the pod's labels.</summary>
/// <param name="Spec">The pod spec mapping (<c>containers</c>, <c>hostAliases</c>, …).</param>
/// <param name="Path">The field path of <paramref name="Spec"/>, e.g. <c>spec.template.spec</c>.</param>
/// <param name="Labels">The pod's labels (for selector matching): <c>metadata.labels</c> of a Pod, the template's labels of a workload; null when absent.</param>
public sealed record PodSpecRef(YamlMappingNode Spec, string Path, YamlMappingNode? Labels);

/// <summary>
/// Finds the pod specs of workloads, so checks over containers are written once for Pods, Deployments, CronJobs and
/// the rest. Objects of other kinds, and specs that are not mappings, yield nothing.
/// </summary>
public static class PodSpecs
{
    /// <summary>The container lists of a pod spec, in the order the API server validates them.</summary>
    public static IReadOnlyList<string> ContainerListFields { get; } = ["initContainers", "containers", "ephemeralContainers"];

    // Kinds whose pod template sits at spec.template (core and apps/batch workloads).
    private static readonly HashSet<string> TemplateKinds = new(StringComparer.Ordinal)
    {
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job",
    };

    /// <summary>Each pod spec of <paramref name="obj"/> with its path prefix (one at most for the built-in kinds).</summary>
    public static IEnumerable<PodSpecRef> Of(KubeObject obj)
    {
        var found = obj.Kind switch
        {
            "Pod" when obj.Group.Length == 0 => FromPod(obj.Root),
            "PodTemplate" when obj.Group.Length == 0 => FromTemplate(obj.Root.GetMapping("template"), "template"),
            "CronJob" when obj.Group == "batch" =>
                FromTemplate(obj.Spec.GetMapping("jobTemplate").GetMapping("spec").GetMapping("template"), "spec.jobTemplate.spec.template"),
            _ when TemplateKinds.Contains(obj.Kind) && IsWorkloadGroup(obj) => FromTemplate(obj.Spec.GetMapping("template"), "spec.template"),
            _ => null,
        };

        if (found is not null)
        {
            yield return found;
        }
    }

    /// <summary>
    /// The containers of a pod spec with their paths: <c>initContainers</c>, then <c>containers</c>, then
    /// <c>ephemeralContainers</c>, e.g. <c>spec.template.spec.containers[0]</c>. Items that are not mappings are skipped.
    /// </summary>
    public static IEnumerable<(YamlMappingNode Container, string Path)> Containers(PodSpecRef pod)
    {
        foreach (var listField in ContainerListFields)
        {
            var items = pod.Spec.Get(listField).Items();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is YamlMappingNode container)
                {
                    yield return (container, $"{pod.Path}.{listField}[{i}]");
                }
            }
        }
    }

    private static PodSpecRef? FromPod(YamlMappingNode root) =>
        root.GetMapping("spec") is { } spec
            ? new PodSpecRef(spec, "spec", root.GetMapping("metadata").GetMapping("labels"))
            : null;

    private static PodSpecRef? FromTemplate(YamlMappingNode? template, string templatePath) =>
        template.GetMapping("spec") is { } spec
            ? new PodSpecRef(spec, templatePath + ".spec", template.GetMapping("metadata").GetMapping("labels"))
            : null;

    // ReplicationController is core (v1); the others are apps or batch, or their old extensions/v1beta groups.
    private static bool IsWorkloadGroup(KubeObject obj) => obj.Group switch
    {
        "" => obj.Kind == "ReplicationController",
        "apps" or "extensions" => obj.Kind != "Job",
        "batch" => obj.Kind == "Job",
        _ => false,
    };
}
