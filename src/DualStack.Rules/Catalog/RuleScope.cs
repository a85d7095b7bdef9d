namespace DualStack.Rules;

/// <summary>Which input a rule looks at; it decides the ID range and the front end that runs it.</summary>
public enum RuleScope
{
    /// <summary>DS0xxx: problems reading an input file (syntax, size, templates, suppressions).</summary>
    Input,

    /// <summary>DS1xxx: C# source, checked by the Roslyn analyzer.</summary>
    CSharp,

    /// <summary>DS2xxx: Kubernetes API objects in manifests.</summary>
    KubernetesObject,

    /// <summary>DS3xxx: cluster network configuration files (MicroK8s, kubeadm, kind, Calico, k3s, Cilium).</summary>
    ClusterConfiguration,
}
