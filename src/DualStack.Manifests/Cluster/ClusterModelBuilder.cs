using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Cluster;

/// <summary>
/// Builds the run's <see cref="ClusterModel"/> from every cluster configuration document among the inputs,
/// before any check runs. Starts from the configured options. The first file that defines the service (pod) ranges
/// defines them for the cluster; pools and node IPs are collected from every file, so checks can cross files.
/// </summary>
public static class ClusterModelBuilder
{
    public static ClusterModel Build(IReadOnlyList<LoadedFile> files, LintOptions options)
    {
        var model = ClusterModel.FromOptions(options);
        foreach (var file in files)
        {
            foreach (var document in file.Documents)
            {
                if (ConfigRecognizer.Recognize(document) is { } config)
                {
                    Add(model, config);
                }
            }
        }

        return model;
    }

    private static void Add(ClusterModel model, ConfigDocument config)
    {
        model.ConfigDocuments.Add(config);
        var path = config.Document.File.Path;
        var contributed = false;

        if (config.Families is { } families && !model.FamiliesFromConfiguration)
        {
            model.SetFamiliesFromConfiguration(families.Families, path);
            contributed = true;
        }

        var services = config.Ranges.Where(r => r.InModel && r.Role == RangeRole.Service).ToList();
        if (model.ServiceCidrs.Count == 0 && services.Count > 0)
        {
            model.ServiceCidrs.AddRange(ToModel(services));
            contributed = true;
        }

        var pods = config.Ranges.Where(r => r.InModel && r.Role == RangeRole.Pod).ToList();
        if (model.PodCidrs.Count == 0 && pods.Count > 0)
        {
            model.PodCidrs.AddRange(ToModel(pods));
            contributed = true;
        }

        var pools = config.Ranges.Where(r => r.InModel && r.Role is RangeRole.CalicoPool or RangeRole.CiliumPool).ToList();
        model.PoolCidrs.AddRange(ToModel(pools));
        contributed |= pools.Count > 0;

        foreach (var nodeIp in config.NodeIps)
        {
            foreach (var item in nodeIp.Items)
            {
                if (item.Ip is { } ip)
                {
                    model.NodeIps.Add(new ModelIp(ip, item.Value));
                    contributed = true;
                }
            }
        }

        if (model.DnsIp is null && config.DnsIp?.Ip is { } dns)
        {
            model.DnsIp = new ModelIp(dns, config.DnsIp.Value);
            contributed = true;
        }

        if (contributed)
        {
            model.AddSource(path);
        }
    }

    private static IEnumerable<ModelCidr> ToModel(IEnumerable<CidrListSetting> settings) =>
        settings.SelectMany(s => s.Items.Where(i => i.Cidr is not null).Select(i => new ModelCidr(i.Cidr!.Value, s.Role, i.Value, s)));
}
