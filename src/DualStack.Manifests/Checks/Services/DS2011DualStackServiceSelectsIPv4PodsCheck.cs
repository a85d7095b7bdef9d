using DualStack.Manifests.Checks.Workloads;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// DS2011: a Service that serves IPv6 (dual-stack after allocation on the target, or IPv6 single-stack) whose
/// selector matches the pod template of a workload of the same run that listens on the IPv4 wildcard only
/// (the DS2030 detection): the Service forwards IPv6 connections to pods that refuse them. One finding per Service,
/// on its selector, naming the workload and the listen setting, or the first few workloads and how many there are:
/// a finding per (Service, workload) pair grows with the square of the input.
/// </summary>
public sealed class DS2011DualStackServiceSelectsIPv4PodsCheck : ISummaryCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.DualStackServiceWithIPv4OnlyPods];

    public void Summarize(KubeObject obj, CheckContext context, Action<object> keep)
    {
        foreach (var pod in PodSpecs.Of(obj))
        {
            if (pod.Labels is not null &&
                PodSpecs.Containers(pod).SelectMany(c => IPv4WildcardListenDetector.InContainer(c.Container, c.Path)).FirstOrDefault() is { } listen)
            {
                keep(new DS2011Workload(obj.Kind, obj.Name, NamespaceOf(obj), Labels(pod.Labels), listen.Container, listen.Source, listen.Token, listen.Fix.Replacement, listen.Fix.Explanation));
            }
        }

        // The target is the Service's: its file's options (editorconfig by path) or the cluster's families.
        var target = context.Options.IpFamilies;
        if (target.Contains(IpFamily.IPv6) &&
            ServiceSpec.From(obj, context) is { HasSelector: true, SelectorNode: { } selector } service &&
            ServiceAllocation.Evaluate(service, target, context.Cluster) is { ServesIPv6: true } result &&
            selector.Children.Count > 0)
        {
            keep(new DS2011Service(obj.Document.File.Path, obj.Document.SpanOf(selector), obj.Reference, NamespaceOf(obj), Selector(selector), result.IsDualStack));
        }
    }

    public void Check(IReadOnlyList<object> summaries, RunCheckContext context)
    {
        var workloads = summaries.OfType<DS2011Workload>().ToList();
        if (workloads.Count == 0)
        {
            return;
        }

        var index = new DS2011SelectorIndex(workloads);
        foreach (var service in summaries.OfType<DS2011Service>())
        {
            if (service.Selector is null || index.Match(service.Namespace, service.Selector, PartnerList.Named) is not { Count: > 0 } match)
            {
                continue;
            }

            context.For(service.Path).Report(RuleIds[0], service.Path, service.SelectorSpan, service.Reference, "spec.selector", Message(service, match));
        }
    }

    private static string Message(DS2011Service service, SelectorMatch match)
    {
        var what = service.IsDualStack ? "dual-stack Service" : "IPv6 Service";
        var first = match.First[0];
        if (match.Count == 1)
        {
            return $"this {what} selects the pods of {first.Kind} \"{first.Name}\", whose container \"{first.Container}\" " +
                $"listens on the IPv4 wildcard ({first.Source} \"{first.Token}\"), so IPv6 connections to the Service are refused. " +
                $"Make it listen on \"{first.Replacement}\", {first.Explanation}";
        }

        var list = PartnerList.Describe(match.First, match.Count, w => w.Describe());
        return $"this {what} selects the pods of {match.Count} workloads whose containers listen on the IPv4 wildcard, so IPv6 connections to the Service are refused: " +
            $"{list}. Make them listen on both families, e.g. {first.Kind} \"{first.Name}\" on \"{first.Replacement}\", {first.Explanation}";
    }

    // An absent namespace is the one kubectl applies to; it is taken as "default", and absent on both sides as equal.
    private static string NamespaceOf(KubeObject obj) => obj.Namespace ?? "default";

    // The first value of each key, as a lookup by key finds it; values that are not strings match no selector.
    private static Dictionary<string, string> Labels(YamlMappingNode labels)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in labels.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } key } && !result.ContainsKey(key) && labels.GetString(key) is { } value)
            {
                result[key] = value;
            }
        }

        return result;
    }

    // A selector key that is not a string (or YAML null) selects nothing; a null value selects the empty label value.
    private static IReadOnlyList<KeyValuePair<string, string>>? Selector(YamlMappingNode selector)
    {
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var entry in selector.Children)
        {
            if (entry.Key.AsString() is not { } key)
            {
                return null;
            }

            entries.Add(new KeyValuePair<string, string>(key, entry.Value.AsString() ?? string.Empty));
        }

        return entries.OrderBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Value, StringComparer.Ordinal).ToList();
    }
}
