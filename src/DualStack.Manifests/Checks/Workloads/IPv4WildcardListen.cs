using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules.Listening;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Workloads;

/// <summary>One place where a container is told to listen on the IPv4 wildcard.</summary>
/// <param name="Container">The container's name (or its path when unnamed).</param>
/// <param name="Node">The scalar that says so (an env value, an args or command item).</param>
/// <param name="Field">Its field path, e.g. <c>spec.template.spec.containers[0].env[2].value</c>.</param>
/// <param name="Source">What the scalar is: <c>env ASPNETCORE_URLS</c>, <c>args[1]</c>.</param>
/// <param name="Address">The address naming <c>0.0.0.0</c>, with its offsets in the scalar's value.</param>
public sealed record IPv4WildcardListen(string Container, YamlScalarNode Node, string Field, string Source, ListenAddress Address)
{
    /// <summary>The address as written, e.g. <c>http://0.0.0.0:8080</c>.</summary>
    public string Token => Address.Text;

    /// <summary>The replacement the shared listen model offers for the address's runtime.</summary>
    public ListenFix Fix { get; } = Address.Fix();
}

/// <summary>
/// Finds containers told to listen on <c>0.0.0.0</c> only, using the shared listen model (<see cref="ListenVariables"/>,
/// <see cref="ListenCommandLine"/>, <see cref="ListenWildcards"/>): env variables that carry listen addresses (Kestrel's
/// URL variables and endpoint keys, address-like names such as <c>HOST</c>), and the container's command line
/// (<c>command</c> then <c>args</c>, one command line). A listen the same list also opens for both families on the same
/// port is dual-stack and not reported. Shared by DS2030 and DS2011.
/// </summary>
public static class IPv4WildcardListenDetector
{
    /// <summary>Every IPv4-wildcard listen of every container of every pod spec of <paramref name="obj"/>.</summary>
    public static IEnumerable<IPv4WildcardListen> Find(KubeObject obj) =>
        PodSpecs.Of(obj).SelectMany(pod => PodSpecs.Containers(pod)).SelectMany(c => InContainer(c.Container, c.Path));

    /// <summary>The IPv4-wildcard listens of one container.</summary>
    public static IEnumerable<IPv4WildcardListen> InContainer(YamlMappingNode container, string path)
    {
        var name = container.GetString("name") ?? path;
        var found = new List<IPv4WildcardListen>();
        var env = container.Get("env").Items();
        for (var i = 0; i < env.Count; i++)
        {
            if (env[i].GetString("name") is not { } variable || env[i].GetScalar("value") is not { } valueNode || valueNode.AsString() is not { } value)
            {
                continue;
            }

            found.AddRange(ListenWildcards.IPv4Only(ListenVariables.AddressesOf(variable, value))
                .Select(a => new IPv4WildcardListen(name, valueNode, $"{path}.env[{i}].value", "env " + variable, a)));
        }

        // command and args form one command line: "--urls" in one item and its value in the next is one option.
        var items = new List<(YamlScalarNode Node, string Field, string Source, string Value)>();
        foreach (var list in new[] { "command", "args" })
        {
            var entries = container.Get(list).Items();
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i] is YamlScalarNode scalar && scalar.AsString() is { } value)
                {
                    items.Add((scalar, $"{path}.{list}[{i}]", $"{list}[{i}]", value));
                }
            }
        }

        var listens = ListenCommandLine.Addresses(items.Select(i => i.Value).ToList());
        var ipv4Only = new HashSet<ListenAddress>(ListenWildcards.IPv4Only(listens.Select(l => l.Address)));
        found.AddRange(listens
            .Where(l => ipv4Only.Contains(l.Address))
            .Select(l => new IPv4WildcardListen(name, items[l.Item].Node, items[l.Item].Field, items[l.Item].Source, l.Address)));
        return found;
    }
}
