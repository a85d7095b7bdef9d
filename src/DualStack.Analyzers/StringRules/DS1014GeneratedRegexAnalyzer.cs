using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// DS1014 for <c>[GeneratedRegex(pattern)]</c>: a pattern that accepts dotted quads but no IPv6 form (the same test
/// as DS1014IPv4ValidationAnalyzer's), reported at the pattern. An analyzer of its own because it must see generated
/// code: the regex source generator writes the method's other part into a generated file and marks it
/// <c>[GeneratedCode]</c>, which makes the whole method generated code for Roslyn's driver (no symbol action, and any
/// report inside it dropped), although the pattern is the user's. So this one asks for generated code and decides
/// itself: it reports an attribute only where it is written by hand (<see cref="GeneratedSourceFacts"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1014GeneratedRegexAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1014);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            // Generated code is analyzed too, so most compilations (no source spells the attribute, not even through an
            // alias) are left after one scan of their text instead of a callback per method.
            if (!SourceTextSearch.AnyTreeContains(start.Compilation, AttributeWord, start.CancellationToken))
            {
                return;
            }

            var patterns = new ConcurrentDictionary<(string, RegexOptions), DS1014RegexPatterns.Kind>();
            start.RegisterSymbolAction(c => Analyze(c, patterns), SymbolKind.Method);
        });
    }

    private static void Analyze(
        SymbolAnalysisContext context, ConcurrentDictionary<(string, RegexOptions), DS1014RegexPatterns.Kind> cache)
    {
        // A partial method is seen twice (definition and implementation); report on the definition. Attributes are
        // bound only for a method declared with some.
        if (context.Symbol is IMethodSymbol { PartialDefinitionPart: not null } || !HasAttributes(context.Symbol, context.CancellationToken))
        {
            return;
        }

        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (!GeneratedRegexAttribute.Matches(attribute.AttributeClass)
                || attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string text
                || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax)
            {
                continue;
            }

            var options = attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int o ? (RegexOptions)o : RegexOptions.None;
            var kind = cache.GetOrAdd((text, options), key => DS1014RegexPatterns.Classify(key.Item1, key.Item2));
            if (DS1014RegexPatterns.IsReported(kind, AddressNames.LooksLikeAddress(context.Symbol.Name))
                && !GeneratedSourceFacts.IsGenerated(syntax, context.Options, context.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1014, syntax.ArgumentList.Arguments[0].GetLocation(), DS1014RegexPatterns.Describe(text)));
            }
        }
    }

    private static readonly string[] AttributeWord = ["GeneratedRegex"];

    private static readonly KnownType GeneratedRegexAttribute = new("System.Text.RegularExpressions.GeneratedRegexAttribute");

    private static bool HasAttributes(ISymbol method, CancellationToken cancellationToken) =>
        method.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax { AttributeLists.Count: > 0 });
}
