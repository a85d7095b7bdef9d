using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// DS2009: <c>spec.externalIPs</c> entries the API server rejects (spec §2 S15): values even the sloppy parser
/// refuses, then the EndpointIP filter (unspecified, loopback, link-local, link-local multicast). Values that only
/// fail the strict layer (leading zeros, IPv4-mapped) are DS2050's; upstream skips the filter for them, and so do we.
/// Also <c>status.loadBalancer.ingress[i]</c> (S19), for manifests that carry a status (exported objects; the API
/// server clears status on create and validates it only on status updates): only a LoadBalancer Service may have
/// ingress entries; <c>ip</c> must parse (sloppy); <c>ipMode</c> must be VIP or Proxy and is forbidden without
/// <c>ip</c> (a missing one is defaulted to VIP by v1 defaulting, so it is not reported); <c>hostname</c> must be a
/// DNS-1123 subdomain and not an IP address.
/// </summary>
public sealed class DS2009ExternalIPsCheck : IObjectCheck
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
                context.Report(RuleIds[0], obj, items[i], path, ApiError.Invalid(value, IpMessages.InvalidIp));
                continue;
            }

            if (!parsed.Success)
            {
                continue;
            }

            foreach (var detail in KubernetesIpValidation.ValidateEndpointIp(value))
            {
                context.Report(RuleIds[0], obj, items[i], path,
                    ApiError.Invalid(value, detail) + " (an external IP must be an address clients reach the Service on)");
            }
        }

        CheckLoadBalancerStatus(obj, context, service);
    }

    private static readonly string[] IpModes = ["Proxy", "VIP"];

    // ValidateLoadBalancerStatus as called from ValidateServiceStatusUpdate (spec S19).
    private void CheckLoadBalancerStatus(KubeObject obj, CheckContext context, ServiceSpec service)
    {
        var loadBalancer = obj.Root.Get("status").Get("loadBalancer");
        var ingress = loadBalancer.Get("ingress").Items();
        if (ingress.Count == 0)
        {
            return;
        }

        // AllowServiceLBStatusOnNonLB is off by default since 1.29 and locked off from 1.32.
        if (service.Type != "LoadBalancer")
        {
            context.Report(RuleIds[0], obj, loadBalancer.GetKey("ingress")!, "status.loadBalancer.ingress",
                ApiError.Forbidden("may only be used when `spec.type` is 'LoadBalancer'"));
            return;
        }

        for (var i = 0; i < ingress.Count; i++)
        {
            if (ingress[i] is not YamlMappingNode entry)
            {
                continue;
            }

            var path = $"status.loadBalancer.ingress[{i}]";
            var ipNode = entry.GetScalar("ip");
            var ip = ipNode.AsString() ?? string.Empty;

            // Strict-layer failures (leading zeros, IPv4-mapped) are DS2050's.
            if (ip.Length > 0 && !IpParser.TryParseSloppy(ip, out _))
            {
                context.Report(RuleIds[0], obj, ipNode!, path + ".ip", ApiError.Invalid(ip, IpMessages.InvalidIp));
            }

            // v1 defaulting (SetDefaults_Service) sets a missing ipMode to VIP when ip is set on a LoadBalancer Service, and
            // other types may not have ingress entries, so "must be specified when `ip` is set" cannot be reached.
            if (entry.GetScalar("ipMode") is { } modeNode && !modeNode.IsNull())
            {
                var mode = modeNode.AsString() ?? string.Empty;
                if (ip.Length == 0)
                {
                    context.Report(RuleIds[0], obj, modeNode, path + ".ipMode",
                        ApiError.Forbidden("may not be specified when `ip` is not set"));
                }
                else if (!IpModes.Contains(mode))
                {
                    context.Report(RuleIds[0], obj, modeNode, path + ".ipMode", ApiError.NotSupported(mode, IpModes));
                }
            }

            var hostnameNode = entry.GetScalar("hostname");
            var hostname = hostnameNode.AsString() ?? string.Empty;
            if (hostname.Length > 0)
            {
                foreach (var detail in DnsNames.Dns1123Subdomain(hostname))
                {
                    context.Report(RuleIds[0], obj, hostnameNode!, path + ".hostname", ApiError.Invalid(hostname, detail));
                }

                if (IpParser.TryParseSloppy(hostname, out _))
                {
                    context.Report(RuleIds[0], obj, hostnameNode!, path + ".hostname",
                        ApiError.Invalid(hostname, "must be a DNS name, not an IP address") + "; put an address in `ip`");
                }
            }
        }
    }
}
