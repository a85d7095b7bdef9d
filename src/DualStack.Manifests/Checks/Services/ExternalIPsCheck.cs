using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// DS2009: <c>spec.externalIPs</c> entries the API server rejects (spec §2 S15): values even the sloppy parser
/// refuses, then the EndpointIP filter (unspecified, loopback, link-local, link-local multicast). Values that only
/// fail the strict layer (leading zeros, IPv4-mapped) are DS2050's; upstream skips the filter for them, and so do we.
/// <c>status.loadBalancer</c> (S19) is not checked: the API server clears status on create.
/// </summary>
public sealed class ExternalIPsCheck : IObjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.InvalidExternalIP];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (ServiceSpec.From(obj, context) is not { } service)
        {
            return;
        }

        var strict = context.KubernetesVersion >= KubernetesVersion.StrictIpValidation;
        var items = service.Spec.Get("externalIPs").Items();
        for (var i = 0; i < items.Count; i++)
        {
            var value = items[i].AsString() ?? string.Empty;
            var path = $"spec.externalIPs[{i}]";
            var parsed = IpParser.ParseIp(value, strict);
            if (!parsed.HasValue)
            {
                context.Report(RuleIds[0], obj, items[i], path, ApiErrors.Invalid(path, value, IpMessages.InvalidIp));
                continue;
            }

            if (!parsed.Success)
            {
                continue;
            }

            foreach (var detail in KubernetesIpValidation.ValidateEndpointIp(value))
            {
                context.Report(RuleIds[0], obj, items[i], path,
                    ApiErrors.Invalid(path, value, detail) + " (an external IP must be an address clients reach the Service on)");
            }
        }
    }
}
