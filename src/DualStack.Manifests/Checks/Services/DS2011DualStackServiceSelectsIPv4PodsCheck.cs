using DualStack.Manifests.Checks.Workloads;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// DS2011: a Service that serves IPv6 (dual-stack after allocation on the target, or IPv6 single-stack) whose
/// selector matches the pod template of a workload of the same run that listens on the IPv4 wildcard only
/// (the DS2030 detection): the Service forwards IPv6 connections to pods that refuse them. Reported on the Service's
/// selector, naming the workload and the listen setting.
/// </summary>
public sealed class DS2011DualStackServiceSelectsIPv4PodsCheck : IRunCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.DualStackServiceWithIPv4OnlyPods];

    public void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context)
    {
        // Workloads that listen on IPv4 only, with their pod labels; computed once for all Services.
        var workloads = new List<(KubeObject Obj, YamlMappingNode Labels, IPv4WildcardListen Listen)>();
        foreach (var obj in objects)
        {
            foreach (var pod in PodSpecs.Of(obj))
            {
                if (pod.Labels is null)
                {
                    continue;
                }

                var listen = PodSpecs.Containers(pod).SelectMany(c => IPv4WildcardListenDetector.InContainer(c.Container, c.Path)).FirstOrDefault();
                if (listen is not null)
                {
                    workloads.Add((obj, pod.Labels, listen));
                }
            }
        }

        if (workloads.Count == 0)
        {
            return;
        }

        foreach (var obj in objects)
        {
            // The target is the Service's: its file's options (editorconfig by path) or the cluster's families.
            var at = context.For(obj);
            var target = at.Options.IpFamilies;
            if (!target.Contains(IpFamily.IPv6) ||
                ServiceSpec.From(obj, at) is not { HasSelector: true, SelectorNode: { } selector } service ||
                ServiceAllocation.Evaluate(service, target, context.Cluster) is not { ServesIPv6: true } result)
            {
                continue;
            }

            foreach (var (workload, labels, listen) in workloads)
            {
                if (!SameNamespace(obj, workload) || !Selects(selector, labels))
                {
                    continue;
                }

                var what = result.IsDualStack ? "dual-stack Service" : "IPv6 Service";
                at.Report(RuleIds[0], obj, selector, "spec.selector",
                    $"this {what} selects the pods of {workload.Kind} \"{workload.Name}\", whose container \"{listen.Container}\" " +
                    $"listens on the IPv4 wildcard ({listen.Source} \"{listen.Token}\"), so IPv6 connections to the Service are refused. " +
                    $"Make it listen on \"{listen.Fix.Replacement}\", {listen.Fix.Explanation}");
            }
        }
    }

    // An absent namespace is the one kubectl applies to; it is taken as "default", and absent on both sides as equal.
    private static bool SameNamespace(KubeObject a, KubeObject b) =>
        (a.Namespace ?? "default") == (b.Namespace ?? "default");

    private static bool Selects(YamlMappingNode selector, YamlMappingNode labels)
    {
        foreach (var entry in selector.Children)
        {
            if (entry.Key.AsString() is not { } key || labels.GetString(key) is not { } value || value != (entry.Value.AsString() ?? string.Empty))
            {
                return false;
            }
        }

        return selector.Children.Count > 0;
    }
}
