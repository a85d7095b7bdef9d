using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>
/// Decides whether a document is a cluster configuration file and reads it. Documents with apiVersion/kind are
/// recognised by them (kubeadm, kind, KubeProxyConfiguration, Calico IPPool and Installation); the others by a
/// documented combination of keys (MicroK8s launch configuration, tigera-operator Helm values, Cilium Helm values,
/// k3s/RKE2 config.yaml), tried in that order. Anything else is not a cluster configuration file (null).
/// </summary>
public static class ConfigRecognizer
{
    public static ConfigDocument? Recognize(LoadedDocument document)
    {
        if (document.Root is not YamlMappingNode)
        {
            return null;
        }

        var obj = KubeObjectReader.Read(document).FirstOrDefault();
        if (obj is not null)
        {
            return Recognize(obj);
        }

        if (MicroK8sReader.IsLaunchConfiguration(document))
        {
            return MicroK8sReader.Read(document);
        }

        if (CalicoReader.IsHelmValues(document))
        {
            return CalicoReader.ReadInstallation(document, document.Root.Get("installation"), CalicoReader.HelmValuesName, "installation.");
        }

        if (CiliumReader.IsValues(document))
        {
            return CiliumReader.Read(document);
        }

        return K3sReader.Find(document) is { } k3s ? K3sReader.Read(document, k3s.Map, k3s.Prefix) : null;
    }

    /// <summary>The configuration an object with apiVersion/kind stands for, or null for ordinary Kubernetes objects.</summary>
    public static ConfigDocument? Recognize(KubeObject obj)
    {
        if (KubeadmReader.Is(obj))
        {
            return KubeadmReader.Read(obj);
        }

        if (KindReader.Is(obj))
        {
            return KindReader.Read(obj);
        }

        if (KubeProxyReader.Is(obj))
        {
            return KubeProxyReader.Read(obj);
        }

        if (CalicoReader.IsIPPool(obj))
        {
            return CalicoReader.ReadIPPool(obj);
        }

        return CalicoReader.IsInstallation(obj) ? CalicoReader.ReadInstallation(obj.Document, obj.Spec, obj.Reference, "spec.") : null;
    }
}
