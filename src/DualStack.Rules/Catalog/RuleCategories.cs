namespace DualStack.Rules;

/// <summary>Rule categories. C# rules use a standard Roslyn category so users can configure them in bulk.</summary>
public static class RuleCategories
{
    public const string Input = "Input";
    public const string CSharp = "Reliability";
    public const string Kubernetes = "Kubernetes";
    public const string ClusterConfiguration = "ClusterConfiguration";
}
