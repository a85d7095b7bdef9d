namespace DualStack.Rules;

/// <summary>
/// One rule of the catalog. Every front end reads this record: the analyzer turns it into a
/// <c>DiagnosticDescriptor</c>, the manifest engine and the CLI use it for findings, SARIF rule metadata and help.
/// </summary>
public sealed class RuleDescriptor
{
    /// <summary>Where the rule pages live; <see cref="HelpLink"/> appends <c>ID.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/dualstack-lint/dualstack-lint/blob/main/rules/";

    public RuleDescriptor(
        string id,
        string title,
        string messageFormat,
        Severity defaultSeverity,
        string category,
        RuleScope scope,
        bool hasFix,
        string description)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        DefaultSeverity = defaultSeverity;
        Category = category;
        Scope = scope;
        HasFix = hasFix;
        Description = description;
    }

    /// <summary>Stable identifier such as <c>DS2005</c>; never reused once shipped.</summary>
    public string Id { get; }

    /// <summary>Short title, no trailing period.</summary>
    public string Title { get; }

    /// <summary>
    /// Message with <c>{0}</c>-style placeholders. Manifest rules whose wording depends on the case use
    /// <c>{0}</c> alone and let the check write the whole sentence.
    /// </summary>
    public string MessageFormat { get; }

    /// <summary>Severity when no configuration says otherwise.</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>Category used for bulk configuration (<c>dotnet_analyzer_diagnostic.category-X.severity</c>).</summary>
    public string Category { get; }

    public RuleScope Scope { get; }

    /// <summary>Whether a code fix (C#) or a text edit (YAML, <c>--fix</c>) is offered when safe.</summary>
    public bool HasFix { get; }

    /// <summary>One or two sentences ending with a period: why the pattern breaks dual-stack or IPv6-only clusters.</summary>
    public string Description { get; }

    /// <summary>Link to the rule page <c>rules/ID.md</c>.</summary>
    public string HelpLink => HelpLinkBase + Id + ".md";

    public override string ToString() => Id + ": " + Title;
}
