using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// A check of MicroK8s launch configurations (<c>$SNAP_COMMON/.microk8s.yaml</c>): runs only on documents
/// <see cref="MicroK8sReader.IsLaunchConfiguration"/> recognises, with their root map.
/// </summary>
public abstract class MicroK8sLaunchCheck : IDocumentCheck
{
    protected const string Name = MicroK8sReader.ObjectName;

    public abstract IReadOnlyList<string> RuleIds { get; }

    public void Check(LoadedDocument document, CheckContext context)
    {
        if (MicroK8sReader.IsLaunchConfiguration(document))
        {
            Check(document, (YamlMappingNode)document.Root, context);
        }
    }

    protected abstract void Check(LoadedDocument document, YamlMappingNode root, CheckContext context);
}
