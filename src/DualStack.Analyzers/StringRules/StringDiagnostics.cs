using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// Places diagnostics for text found in a composed string. The primary location must lie inside the operation
/// being analysed (Roslyn treats anything else as a non-local diagnostic, which the IDE will not fix), so when
/// the text was written elsewhere in the member (a local's initializer) the diagnostic sits on the use and the
/// exact text goes into the additional locations, where a fixer can find it.
/// </summary>
internal static class StringDiagnostics
{
    public static Diagnostic Create(DiagnosticDescriptor descriptor, IOperation useSite, StringPieces pieces, int start, int length, params object[] args) =>
        Create(descriptor, useSite, pieces, start, length, properties: null, args);

    public static Diagnostic Create(
        DiagnosticDescriptor descriptor, IOperation useSite, StringPieces pieces, int start, int length,
        System.Collections.Immutable.ImmutableDictionary<string, string?>? properties, params object[] args) =>
        Create(descriptor, descriptor.DefaultSeverity, useSite, pieces, start, length, properties, args);

    /// <summary>As above at <paramref name="severity"/>: a rule whose default is Info reports certain evidence at Warning.</summary>
    public static Diagnostic Create(
        DiagnosticDescriptor descriptor, DiagnosticSeverity severity, IOperation useSite, StringPieces pieces, int start, int length,
        System.Collections.Immutable.ImmutableDictionary<string, string?>? properties, params object[] args)
    {
        var exactLocation = pieces.Locate(start, length, out _);
        var useSpan = useSite.Syntax.Span;
        if (exactLocation.SourceTree == useSite.Syntax.SyntaxTree && useSpan.Contains(exactLocation.SourceSpan))
        {
            return Diagnostic.Create(descriptor, exactLocation, severity, null, properties, args);
        }

        return exactLocation.SourceTree == useSite.Syntax.SyntaxTree
            ? Diagnostic.Create(descriptor, useSite.Syntax.GetLocation(), severity, [exactLocation], properties, args)
            : Diagnostic.Create(descriptor, useSite.Syntax.GetLocation(), severity, null, properties, args);
    }
}
