using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// DS2010: load-balancer source ranges (spec §2 S16, S17). The API server rejects the field or the annotation on a
/// non-LoadBalancer Service and every range even the sloppy parser refuses; the field is checked under the path
/// <c>spec.LoadBalancerSourceRanges</c> with a capital L, as the API server prints it. Beyond the API server: ranges
/// that leave a family of the Service uncovered (IPv4-only ranges on a dual-stack LoadBalancer) are a warning.
/// Strict-layer problems (leading zeros, host bits) are DS2050's.
/// </summary>
public sealed class DS2010LoadBalancerSourceRangesCheck : IObjectCheck
{
    public const string AnnotationKey = "service.beta.kubernetes.io/load-balancer-source-ranges";

    private const string FieldPath = "spec.LoadBalancerSourceRanges";
    private const string AnnotationPath = "metadata.annotations[" + AnnotationKey + "]";
    private const string Forbidden = "may only be used when `type` is 'LoadBalancer'";

    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.LoadBalancerSourceRanges];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (ServiceSpec.From(obj, context) is not { } service)
        {
            return;
        }

        var isLoadBalancer = service.Type == "LoadBalancer";
        var items = service.Spec.Get("loadBalancerSourceRanges").Items();
        var ranges = new List<IpCidr>();
        var anyInvalid = false;
        YamlNode rangesNode;
        if (items.Count > 0)
        {
            rangesNode = service.Spec.Get("loadBalancerSourceRanges")!;
            if (!isLoadBalancer)
            {
                Report(context, obj, service.Spec.GetKey("loadBalancerSourceRanges")!, FieldPath,
                    ApiError.Forbidden(Forbidden) + $" (the Service is of type {service.Type})");
            }

            for (var i = 0; i < items.Count; i++)
            {
                // A historical accident of the annotation days: the API server trims each value first.
                var value = (items[i].AsString() ?? string.Empty).Trim();
                var path = $"{FieldPath}[{i}]";
                if (IpParser.TryParseCidrSloppy(value, out var cidr))
                {
                    ranges.Add(cidr);
                }
                else
                {
                    anyInvalid = true;
                    Report(context, obj, items[i], path, ApiError.Invalid(value, IpMessages.InvalidCidr));
                }
            }
        }
        else if (obj.Metadata.GetMapping("annotations") is { } annotations && annotations.GetKey(AnnotationKey) is { } key)
        {
            rangesNode = annotations.Get(AnnotationKey)!;
            if (!isLoadBalancer)
            {
                Report(context, obj, key, AnnotationPath,
                    ApiError.Forbidden(Forbidden) + $" (the Service is of type {service.Type})");
            }

            var raw = rangesNode.AsString() ?? string.Empty;
            if (raw.Trim().Length > 0)
            {
                var offset = 0;
                foreach (var part in raw.Split(','))
                {
                    var value = part.Trim();
                    if (IpParser.TryParseCidrSloppy(value, out var cidr))
                    {
                        ranges.Add(cidr);
                    }
                    else
                    {
                        anyInvalid = true;
                        var message = ApiError.Invalid(value, IpMessages.InvalidCidr);
                        var itemStart = offset + (part.Length - part.TrimStart().Length);
                        if (ItemSpan(obj, rangesNode, itemStart, value.Length) is { } span)
                        {
                            context.Report(Rules.RuleIds.LoadBalancerSourceRanges, obj.Document, span, obj.Reference, AnnotationPath, message, Severity.Error);
                        }
                        else
                        {
                            Report(context, obj, rangesNode, AnnotationPath, message);
                        }
                    }

                    offset += part.Length + 1;
                }
            }
        }
        else
        {
            return;
        }

        if (isLoadBalancer && !anyInvalid && ranges.Count > 0)
        {
            UncoveredFamily(obj, service, context, rangesNode, ranges);
        }
    }

    // A family the Service serves but no range names: the load balancer either blocks all of that family's clients or,
    // as kube-proxy does (it drops ranges of the other family), does not filter it at all. Neither is what was meant.
    private static void UncoveredFamily(KubeObject obj, ServiceSpec service, CheckContext context, YamlNode rangesNode, List<IpCidr> ranges)
    {
        if (ServiceAllocation.Evaluate(service, context.Options.IpFamilies, context.Cluster) is not { Accepted: true } result)
        {
            return;
        }

        foreach (var family in result.Families)
        {
            if (ranges.Any(r => r.Family == family))
            {
                continue;
            }

            var present = family == IpFamily.IPv4 ? "IPv6" : "IPv4";
            var example = family == IpFamily.IPv4 ? "0.0.0.0/0" : "::/0";
            var serves = result.IsDualStack ? $"this dual-stack LoadBalancer also serves {family}" : $"this LoadBalancer serves {family} only";
            var path = rangesNode is YamlSequenceNode ? "spec.loadBalancerSourceRanges" : AnnotationPath;
            context.Report(Rules.RuleIds.LoadBalancerSourceRanges, obj, rangesNode, path,
                $"the source ranges are all {present}, but {serves}: {family} clients are either all " +
                $"blocked or not filtered at all, depending on the load balancer; add the {family} ranges to allow (\"{example}\" for all)",
                Severity.Warning);
        }
    }

    // The span of one comma-separated item inside a one-line scalar whose text is written as is (plain, or quoted
    // without escapes); null otherwise, and the whole value is reported instead. An empty item gets one column where it would be.
    private static SourceSpan? ItemSpan(KubeObject obj, YamlNode node, int start, int length)
    {
        if (node is not YamlScalarNode scalar || obj.Document.File.Text is not { } text)
        {
            return null;
        }

        var span = obj.Document.SpanOf(scalar);
        var quote = scalar.Style is YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted ? 1 : 0;
        if (span.Line != span.EndLine || span.Length < 2 * quote ||
            text.Substring(span.Start + quote, span.Length - (2 * quote)) != scalar.Value)
        {
            return null;
        }

        var width = Math.Max(1, length);
        var column = span.Column + quote + start;
        return new SourceSpan(span.Line, column, span.Line, column + width, span.Start + quote + start, width);
    }

    private static void Report(CheckContext context, KubeObject obj, YamlNode node, string path, string message) =>
        context.Report(Rules.RuleIds.LoadBalancerSourceRanges, obj, node, path, message, Severity.Error);
}
