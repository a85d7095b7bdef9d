namespace DualStack.Rules;

public static partial class RuleCatalog
{
    // DS3xxx: one ID per distinct mistake in cluster network configuration files.
    private static IEnumerable<RuleDescriptor> ClusterConfigurationRules() =>
    [
    ];
}
