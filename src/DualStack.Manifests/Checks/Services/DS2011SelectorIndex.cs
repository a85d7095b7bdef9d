namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// DS2011's workloads indexed by namespace and label, so a Service's selector is matched against the workloads that
/// carry its rarest label instead of every workload of the run, and Services with the same selector share one
/// result: 300 Services on one selector of 300 pods cost one match, not 90,000.
/// </summary>
internal sealed class DS2011SelectorIndex
{
    private readonly IReadOnlyList<DS2011Workload> _workloads;
    private readonly Dictionary<(string Namespace, string Key, string Value), List<int>> _byLabel = [];
    private readonly Dictionary<string, SelectorMatch> _bySelector = new(StringComparer.Ordinal);

    public DS2011SelectorIndex(IReadOnlyList<DS2011Workload> workloads)
    {
        _workloads = workloads;
        for (var i = 0; i < workloads.Count; i++)
        {
            foreach (var label in workloads[i].Labels)
            {
                var key = (workloads[i].Namespace, label.Key, label.Value);
                if (!_byLabel.TryGetValue(key, out var list))
                {
                    _byLabel[key] = list = [];
                }

                list.Add(i);
            }
        }
    }

    /// <summary>The workloads of <paramref name="ns"/> whose labels include every entry of <paramref name="selector"/>: how many, and the first few in input order.</summary>
    public SelectorMatch Match(string ns, IReadOnlyList<KeyValuePair<string, string>> selector, int keep)
    {
        // Selector entries are sorted by key, so the same selector written in another order shares the result.
        var id = ns + "\n" + string.Join("\n", selector.Select(e => e.Key + "=" + e.Value));
        if (_bySelector.TryGetValue(id, out var known))
        {
            return known;
        }

        var match = new SelectorMatch();
        List<int>? rarest = null;
        foreach (var entry in selector)
        {
            if (!_byLabel.TryGetValue((ns, entry.Key, entry.Value), out var list))
            {
                rarest = [];
                break;
            }

            if (rarest is null || list.Count < rarest.Count)
            {
                rarest = list;
            }
        }

        foreach (var index in rarest ?? [])
        {
            var labels = _workloads[index].Labels;
            if (selector.All(e => labels.TryGetValue(e.Key, out var value) && value == e.Value))
            {
                match.Count++;
                if (match.First.Count < keep)
                {
                    match.First.Add(_workloads[index]);
                }
            }
        }

        _bySelector[id] = match;
        return match;
    }
}

/// <summary>How many workloads a selector matched and the first few of them.</summary>
internal sealed class SelectorMatch
{
    public int Count { get; set; }

    public List<DS2011Workload> First { get; } = [];
}

/// <summary>What DS2011 keeps of a pod template (or Pod) that listens on the IPv4 wildcard only.</summary>
internal sealed record DS2011Workload(
    string Kind,
    string? Name,
    string Namespace,
    IReadOnlyDictionary<string, string> Labels,
    string Container,
    string Source,
    string Token,
    string Replacement,
    string Explanation)
{
    /// <summary><c>Deployment "web" (container "app", env ASPNETCORE_URLS "http://0.0.0.0:8080")</c>.</summary>
    public string Describe() => $"{Kind} \"{Name}\" (container \"{Container}\", {Source} \"{Token}\")";
}

/// <summary>What DS2011 keeps of a Service that serves IPv6 and has a selector.</summary>
/// <param name="Selector">Its entries sorted by key; null when a key is not a string, so it selects nothing DS2011 can name.</param>
internal sealed record DS2011Service(
    string Path,
    Yaml.SourceSpan SelectorSpan,
    string Reference,
    string Namespace,
    IReadOnlyList<KeyValuePair<string, string>>? Selector,
    bool IsDualStack);
