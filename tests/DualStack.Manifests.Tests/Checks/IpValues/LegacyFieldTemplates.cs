namespace DualStack.Manifests.Tests.Checks.IpValues;

/// <summary>
/// One small object per legacy IP/CIDR field of spec §1's field map, with <c>VALUE</c> where the value goes and the
/// position and field path the API server would name.
/// </summary>
internal static class LegacyFieldTemplates
{
    public static readonly IReadOnlyDictionary<string, (string Yaml, int Line, int Column, string Field, bool Cidr)> All =
        new Dictionary<string, (string, int, int, string, bool)>
        {
            ["Service.clusterIP"] = ("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: VALUE\n  ports: [{port: 80}]\n", 6, 14, "spec.clusterIP", false),
            ["Service.clusterIPs"] = ("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIPs:\n  - VALUE\n", 7, 5, "spec.clusterIPs[0]", false),
            ["Service.externalIPs"] = ("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  externalIPs:\n  - 192.0.2.10\n  - \"VALUE\"\n", 8, 5, "spec.externalIPs[1]", false),
            ["Service.loadBalancerSourceRanges"] = ("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges:\n  - 'VALUE'\n", 8, 5, "spec.loadBalancerSourceRanges[0]", true),
            ["Service.status.loadBalancer.ingress.ip"] = ("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nstatus:\n  loadBalancer:\n    ingress:\n    - ip: VALUE\n", 8, 11, "status.loadBalancer.ingress[0].ip", false),
            ["Node.podCIDRs"] = ("apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\nspec:\n  podCIDRs: [VALUE]\n", 6, 14, "spec.podCIDRs[0]", true),
            ["Node.podCIDR"] = ("apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\nspec:\n  podCIDR: VALUE\n", 6, 12, "spec.podCIDR", true),
            ["Pod.podIPs"] = ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nstatus:\n  podIPs:\n  - ip: VALUE\n", 7, 9, "status.podIPs[0]", false),
            ["Pod.hostIPs"] = ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nstatus:\n  hostIPs:\n  - {ip: VALUE}\n", 7, 10, "status.hostIPs[0]", false),
            ["Pod.hostIP"] = ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nstatus:\n  hostIP: VALUE\n", 6, 11, "status.hostIP", false),
            ["Pod.hostAliases"] = ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostAliases:\n  - ip: VALUE\n    hostnames: [db]\n", 7, 9, "spec.hostAliases[0].ip", false),
            ["Deployment.hostAliases"] = ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      hostAliases:\n      - ip: VALUE\n", 9, 13, "spec.template.spec.hostAliases[0].ip", false),
            ["Endpoints.addresses"] = ("apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: e\nsubsets:\n- addresses:\n  - ip: VALUE\n", 7, 9, "subsets[0].addresses[0].ip", false),
            ["Endpoints.notReadyAddresses"] = ("apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: e\nsubsets:\n- notReadyAddresses:\n  - ip: VALUE\n", 7, 9, "subsets[0].notReadyAddresses[0].ip", false),
            ["EndpointSlice.addresses"] = ("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: e\naddressType: IPv4\nendpoints:\n- addresses: [VALUE]\n", 7, 15, "endpoints[0].addresses[0]", false),
            ["NetworkPolicy.cidr"] = ("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: VALUE\n", 10, 15, "spec.ingress[0].from[0].ipBlock.cidr", true),
            ["NetworkPolicy.except"] = ("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector: {}\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 0.0.0.0/0\n        except: [VALUE]\n", 11, 18, "spec.egress[0].to[0].ipBlock.except[0]", true),
            ["Ingress.status.loadBalancer.ingress.ip"] = ("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\nstatus:\n  loadBalancer:\n    ingress:\n    - ip: VALUE\n", 8, 11, "status.loadBalancer.ingress[0].ip", false),
        };

    public static IEnumerable<object[]> IpFields() => All.Where(e => !e.Value.Cidr).Select(e => new object[] { e.Key });

    public static IEnumerable<object[]> CidrFields() => All.Where(e => e.Value.Cidr).Select(e => new object[] { e.Key });
}
