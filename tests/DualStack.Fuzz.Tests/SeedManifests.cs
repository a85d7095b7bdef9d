namespace DualStack.Fuzz.Tests;

/// <summary>
/// Small manifests that reach every family of checks, so the harness has something to mutate without <c>shared/</c>:
/// Services (policies, families, cluster IPs, load balancer ranges), a workload listening on the IPv4 wildcard, a
/// NetworkPolicy, an EndpointSlice, and cluster configuration (kubeadm, MicroK8s, Calico).
/// </summary>
internal static class SeedManifests
{
    public static readonly IReadOnlyList<(string Name, string Text)> All =
    [
        ("service.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              annotations:
                service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8"
            spec:
              # the public front end
              type: LoadBalancer
              ipFamilyPolicy: SingleStack
              ipFamilies: [IPv4]
              clusterIP: 10.96.0.10
              clusterIPs: ["10.96.0.10"]
              externalIPs: ["192.0.2.1"]
              loadBalancerSourceRanges:
              - 10.0.0.0/8
              selector:
                app: web
              ports:
              - port: 80
                targetPort: 8080
            """),
        ("service-omitted.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {app: api}\n  ports: [{port: 443}]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  ipFamilies:\n  - IPv6\n  - IPv4\n  selector:\n    app: db\n"),
        ("deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  hostAliases:
                  - ip: 10.1.2.3
                    hostnames: [db]
                  containers:
                  - name: web
                    image: web:1
                    args: ["--bind-address=0.0.0.0", "--port=8080"]
                    env:
                    - name: ASPNETCORE_URLS
                      value: http://0.0.0.0:8080
                    readinessProbe:
                      httpGet: {host: 127.0.0.1, port: 8080, path: /}
            """),
        ("networkpolicy.yaml", """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow
            spec:
              podSelector: {}
              ingress:
              - from:
                - ipBlock:
                    cidr: 0.0.0.0/0
                    except: [10.0.0.0/8, "fd00::/8"]
              egress:
              - to:
                - ipBlock: {cidr: 010.0.0.0/8}
            """),
        ("endpointslice.yaml", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-abc
            addressType: IPv4
            endpoints:
            - addresses: ["10.1.0.5", "fd00::5"]
            ports:
            - port: 8080
            """),
        ("kubeadm.yaml", """
            apiVersion: kubeadm.k8s.io/v1beta3
            kind: ClusterConfiguration
            networking:
              podSubnet: 10.244.0.0/16,fd00:10:244::/56
              serviceSubnet: 10.96.0.0/12
            controllerManager:
              extraArgs:
                node-cidr-mask-size-ipv6: "64"
            ---
            apiVersion: kubeproxy.config.k8s.io/v1alpha1
            kind: KubeProxyConfiguration
            clusterCIDR: 10.244.0.0/16
            """),
        ("microk8s-launch.yaml", """
            version: 0.1.0
            extraCNIEnv:
              IPv4_SUPPORT: true
              IPv4_CLUSTER_CIDR: 10.3.0.0/16
              IPv4_SERVICE_CIDR: 10.153.183.0/24
              IPv6_SUPPORT: "True"
              IPv6_CLUSTER_CIDR: fd02::/64
              IPv6_SERVICE_CIDR: fd99::/108
            extraSANs:
            - 10.153.183.1
            extraKubeletArgs:
              --cluster-dns: 10.152.183.10
            """),
        ("calico.yaml", """
            apiVersion: crd.projectcalico.org/v1
            kind: IPPool
            metadata: {name: pool-a}
            spec:
              cidr: 10.244.0.0/16
              blockSize: 26
              ipipMode: Always
            ---
            apiVersion: crd.projectcalico.org/v1
            kind: IPPool
            metadata: {name: pool-b}
            spec:
              cidr: 10.244.128.0/17
              blockSize: 33
            """),
    ];
}
