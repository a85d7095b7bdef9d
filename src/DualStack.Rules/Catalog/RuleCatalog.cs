namespace DualStack.Rules;

/// <summary>
/// The rule catalog: every rule the product knows, in ID order. The entries are declared per range in
/// <c>RuleCatalog.*.cs</c>; this part indexes them.
/// </summary>
public static partial class RuleCatalog
{
    private static readonly IReadOnlyList<RuleDescriptor> AllRules = Build();
    private static readonly Dictionary<string, RuleDescriptor> ById = Index(AllRules);

    /// <summary>All rules, ordered by ID.</summary>
    public static IReadOnlyList<RuleDescriptor> All => AllRules;

    /// <summary>The rule with this ID; throws when the ID is unknown (a programming error).</summary>
    public static RuleDescriptor Get(string id) =>
        ById.TryGetValue(id, out var rule) ? rule : throw new ArgumentException($"Unknown rule ID \"{id}\".", nameof(id));

    /// <summary>Looks a rule up by ID (case-insensitive), e.g. for <c>dslint explain ds2005</c>.</summary>
    public static bool TryGet(string id, out RuleDescriptor rule)
    {
        if (ById.TryGetValue(id, out var found) || ById.TryGetValue(id.ToUpperInvariant(), out found))
        {
            rule = found;
            return true;
        }

        rule = null!;
        return false;
    }

    private static IReadOnlyList<RuleDescriptor> Build()
    {
        var rules = new List<RuleDescriptor>();
        rules.AddRange(InputRules());
        rules.AddRange(CSharpRules());
        rules.AddRange(KubernetesRules());
        rules.AddRange(ClusterConfigurationRules());
        rules.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return rules.AsReadOnly();
    }

    private static Dictionary<string, RuleDescriptor> Index(IReadOnlyList<RuleDescriptor> rules)
    {
        var index = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (index.ContainsKey(rule.Id))
            {
                throw new InvalidOperationException($"Rule ID {rule.Id} is declared twice in the catalog.");
            }

            index.Add(rule.Id, rule);
        }

        return index;
    }

    private static RuleDescriptor Input(string id, string title, string message, Severity severity, string description) =>
        new(id, title, message, severity, RuleCategories.Input, RuleScope.Input, hasFix: false, description);

    private static RuleDescriptor CSharp(string id, string title, string message, Severity severity, bool hasFix, string description) =>
        new(id, title, message, severity, RuleCategories.CSharp, RuleScope.CSharp, hasFix, description);

    private static RuleDescriptor Kubernetes(string id, string title, Severity severity, bool hasFix, string description) =>
        new(id, title, "{0}", severity, RuleCategories.Kubernetes, RuleScope.KubernetesObject, hasFix, description);

    private static RuleDescriptor Cluster(string id, string title, Severity severity, bool hasFix, string description) =>
        new(id, title, "{0}", severity, RuleCategories.ClusterConfiguration, RuleScope.ClusterConfiguration, hasFix, description);
}
