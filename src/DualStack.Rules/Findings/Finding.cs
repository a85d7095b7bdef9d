namespace DualStack.Rules;

/// <summary>
/// One problem found in one input. Positions are 1-based; <see cref="EndColumn"/> is exclusive (SARIF convention).
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }

    /// <summary>The effective severity after configuration (never <see cref="Severity.None"/> in output).</summary>
    public required Severity Severity { get; init; }

    /// <summary>What is wrong, quoting the value and naming the expected one.</summary>
    public required string Message { get; init; }

    /// <summary>The file path as given to the engine (the front end decides whether it is relative).</summary>
    public required string File { get; init; }

    public int Line { get; init; } = 1;

    public int Column { get; init; } = 1;

    public int EndLine { get; init; } = 1;

    public int EndColumn { get; init; } = 1;

    /// <summary><c>Kind/namespace/name</c> (namespace omitted when absent), or the configuration kind; null for file-level findings.</summary>
    public string? Object { get; init; }

    /// <summary>The field path as the API server prints it (<c>spec.clusterIPs[1]</c>) or the key path of a config file.</summary>
    public string? Field { get; init; }

    /// <summary>A safe fix, when the rule has one for this case.</summary>
    public TextEdit? Fix { get; init; }

    /// <summary>The catalog entry of <see cref="RuleId"/>.</summary>
    public RuleDescriptor Rule => RuleCatalog.Get(RuleId);
}
