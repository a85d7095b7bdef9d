namespace DualStack.Tests;

/// <summary>
/// A base and an overlay as kustomize users lay them out: the overlay turns the base's Service into a LoadBalancer.
/// Shared by the front ends' tests (dslint lint, the MSBuild task), so each lints the same kustomization.
/// </summary>
internal static class KustomizeFixture
{
    public const string BaseKustomization = """
        resources:
        - service.yaml

        """;

    /// <summary>The policy is at line 6; <see cref="BaseServiceWithoutPolicy"/> lacks it (DS2005 at 5:1).</summary>
    public const string BaseService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ipFamilyPolicy: PreferDualStack
          selector:
            app: web
          ports:
          - port: 80

        """;

    public static string BaseServiceWithoutPolicy => BaseService.Replace("  ipFamilyPolicy: PreferDualStack\n", string.Empty, StringComparison.Ordinal);

    public const string OverlayKustomization = """
        namespace: prod
        buildMetadata: [originAnnotations]
        resources:
        - ../base
        patches:
        - path: lb.yaml

        """;

    /// <summary>Only the type changes; the IPv4-only source range is DS2010 at 8:3 of this file.</summary>
    public const string LoadBalancerPatch = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges:
          - 10.0.0.0/8

        """;

    /// <summary>What <c>kubectl kustomize overlay</c> (kustomize v5.5) prints for it: DS2010 at rendered 15:3.</summary>
    public const string Rendered = """
        apiVersion: v1
        kind: Service
        metadata:
          annotations:
            config.kubernetes.io/origin: |
              path: ../base/service.yaml
          name: web
          namespace: prod
        spec:
          ipFamilyPolicy: PreferDualStack
          loadBalancerSourceRanges:
          - 10.0.0.0/8
          ports:
          - port: 80
          selector:
            app: web
          type: LoadBalancer

        """;

    /// <summary>The files under <c>k8s/</c>, by path relative to the folder that holds it.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(string? baseService = null) =>
    [
        ("k8s/base/kustomization.yaml", BaseKustomization),
        ("k8s/base/service.yaml", baseService ?? BaseService),
        ("k8s/overlay/kustomization.yaml", OverlayKustomization),
        ("k8s/overlay/lb.yaml", LoadBalancerPatch),
    ];

    public static void Write(TempFolder folder, string? baseService = null)
    {
        foreach (var (path, text) in Files(baseService))
        {
            folder.Write(path, text);
        }
    }
}
