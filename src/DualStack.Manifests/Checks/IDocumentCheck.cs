using DualStack.Manifests.Yaml;

namespace DualStack.Manifests.Checks;

/// <summary>
/// A check over a whole YAML document that is not (only) a Kubernetes object: cluster configuration files such as a
/// MicroK8s launch configuration, k3s <c>config.yaml</c> or Cilium Helm values, recognised by their keys and file name.
/// </summary>
public interface IDocumentCheck
{
    IReadOnlyList<string> RuleIds { get; }

    void Check(LoadedDocument document, CheckContext context);
}
