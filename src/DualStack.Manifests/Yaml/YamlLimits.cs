namespace DualStack.Manifests.Yaml;

/// <summary>
/// Limits that keep hostile YAML from exhausting the stack or memory. Real Kubernetes manifests, CRDs included, stay
/// far below both.
/// </summary>
public static class YamlLimits
{
    /// <summary>
    /// The deepest nesting of mappings and sequences a document may have. YamlDotNet builds its node tree
    /// recursively, and so do checks that walk it; about 10,000 levels overflow a thread pool thread's stack, and a stack
    /// overflow ends the process rather than throwing.
    /// </summary>
    public const int MaxDepth = 1000;

    /// <summary>
    /// How many nodes aliases may add to a document when every alias is expanded. YamlDotNet keeps one node per
    /// anchor, but a walk over the tree visits an aliased node once per alias, so nine levels of ten aliases
    /// ("billion laughs") would be a billion visits.
    /// </summary>
    public const long MaxAliasExpansion = 1_000_000;
}
