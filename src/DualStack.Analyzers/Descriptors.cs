using DualStack.Rules;
using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers;

/// <summary>
/// The DS1xxx diagnostic descriptors, projected from the shared rule catalog (title, message, description, help link).
/// The severity is repeated here as a constant so release tracking (RS2000) can read it; a test checks that it
/// equals the catalog's default.
/// </summary>
internal static class Descriptors
{
    public static readonly DiagnosticDescriptor DS1001 = Create(RuleIds.IPv4WildcardBind, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor DS1002 = Create(RuleIds.IPv4DefaultConstructor, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor DS1003 = Create(RuleIds.ExplicitIPv4Socket, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DS1004 = Create(RuleIds.IPv4OnlyAddressApi, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor DS1005 = Create(RuleIds.UnguardedMapToIPv4, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DS1006 = Create(RuleIds.FourByteAddressAssumption, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DS1007 = Create(RuleIds.LoopbackComparisonMissesIPv6, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DS1008 = Create(RuleIds.HardCodedIPv4Literal, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DS1009 = Create(RuleIds.IPv4OnlyAddressFiltering, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DS1010 = Create(RuleIds.IPv4WildcardListenUrl, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor DS1011 = Create(RuleIds.FirstDnsAnswerUsed, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DS1012 = Create(RuleIds.HostPortWithoutBrackets, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DS1013 = Create(RuleIds.HostPortSplitOnFirstColon, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DS1014 = Create(RuleIds.IPv4OnlyValidation, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DS1015 = Create(RuleIds.IPv6WithoutFallback, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DS1016 = Create(RuleIds.HttpListenerWildcardPrefix, DiagnosticSeverity.Info);

    /// <summary>
    /// The same rule for findings reported at compilation end (the cross-member flow). The tag tells the IDE these
    /// need the whole compilation; the rule's live findings keep the untagged descriptor.
    /// </summary>
    public static DiagnosticDescriptor ForCompilationEnd(DiagnosticDescriptor rule) => new(
        rule.Id,
        rule.Title,
        rule.MessageFormat,
        rule.Category,
        rule.DefaultSeverity,
        rule.IsEnabledByDefault,
        rule.Description,
        rule.HelpLinkUri,
        WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity)
    {
        var rule = RuleCatalog.Get(id);
        return new DiagnosticDescriptor(
            id,
            rule.Title,
            rule.MessageFormat,
            RuleCategories.CSharp,
            severity,
            isEnabledByDefault: true,
            description: rule.Description,
            helpLinkUri: rule.HelpLink);
    }
}
