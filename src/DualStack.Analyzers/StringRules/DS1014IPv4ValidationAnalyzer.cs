using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// DS1014: validation that only accepts IPv4 addresses: a regular expression that matches dotted quads but no
/// IPv6 form (decided by running the pattern, not by reading it), <c>UriHostNameType.IPv4</c> tests with no IPv6
/// branch, and <c>s.Split('.').Length == 4</c>. A strict octet pattern (rejects 256.1.1.1) is reported anywhere;
/// loose ones (<c>\d{1,3}</c>, also used for versions) and the split test only where a name says IP, address or host.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1014IPv4ValidationAnalyzer : DiagnosticAnalyzer
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1014);

    private enum PatternKind
    {
        NotIPv4Only,
        LooseIPv4Only,
        StrictIPv4Only,
    }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // None, unlike the other rules: the [GeneratedRegex] check reports at an attribute of a method's declaration,
        // which may be another part of the method than the one analyzed, so the driver's check must stay. It reports
        // rarely, so that check costs little here.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = StringRuleSymbols.Create(start.Compilation);
            var patterns = new ConcurrentDictionary<(string, RegexOptions), PatternKind>();
            if (symbols.Regex is not null)
            {
                start.RegisterOperationAction(c => AnalyzeRegexUse(c, symbols, patterns), OperationKind.Invocation, OperationKind.ObjectCreation);
            }

            if (symbols.GeneratedRegexAttribute is not null)
            {
                start.RegisterSymbolAction(c => AnalyzeGeneratedRegex(c, symbols, patterns), SymbolKind.Method);
            }

            if (symbols.UriHostNameType is not null)
            {
                start.RegisterOperationAction(c => AnalyzeHostNameType(c, symbols), OperationKind.Binary, OperationKind.IsPattern);
            }

            start.RegisterOperationAction(c => AnalyzeSplitLength(c, symbols), OperationKind.Binary);
        });
    }

    private static void AnalyzeRegexUse(OperationAnalysisContext context, StringRuleSymbols symbols, ConcurrentDictionary<(string, RegexOptions), PatternKind> cache)
    {
        ImmutableArray<IArgumentOperation> arguments;
        string? contextName;
        switch (context.Operation)
        {
            case IObjectCreationOperation creation when StringRuleSymbols.IsOrDerives(creation.Type, symbols.Regex):
                arguments = creation.Arguments;
                contextName = DeclaredName(creation);
                break;
            case IInvocationOperation invocation when StringRuleSymbols.Is(invocation.TargetMethod.ContainingType, symbols.Regex)
                && invocation.TargetMethod.IsStatic && invocation.TargetMethod.Name is "IsMatch" or "Match":
                arguments = invocation.Arguments;
                contextName = NameOf(invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "input")?.Value);
                break;
            default:
                return;
        }

        var pattern = arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern");
        if (pattern?.Value.ConstantValue.Value is not string text)
        {
            return;
        }

        var options = arguments.FirstOrDefault(a => a.Parameter?.Name == "options")?.Value.ConstantValue.Value is int o ? (RegexOptions)o : RegexOptions.None;
        var kind = cache.GetOrAdd((text, options), key => Classify(key.Item1, key.Item2));
        var named = AddressNames.LooksLikeAddress(contextName)
            || AddressNames.LooksLikeAddress(OperationFlow.ContainingMember(context.ContainingSymbol)?.Name);
        if (kind == PatternKind.StrictIPv4Only || (kind == PatternKind.LooseIPv4Only && named))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1014, pattern.Value.Syntax.GetLocation(), Describe(text)));
        }
    }

    private static void AnalyzeGeneratedRegex(SymbolAnalysisContext context, StringRuleSymbols symbols, ConcurrentDictionary<(string, RegexOptions), PatternKind> cache)
    {
        // A partial method is seen twice (definition and generated implementation); report on the definition.
        if (context.Symbol is IMethodSymbol { PartialDefinitionPart: not null })
        {
            return;
        }

        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (!StringRuleSymbols.Is(attribute.AttributeClass, symbols.GeneratedRegexAttribute)
                || attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string text
                || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax)
            {
                continue;
            }

            var options = attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int o ? (RegexOptions)o : RegexOptions.None;
            var kind = cache.GetOrAdd((text, options), key => Classify(key.Item1, key.Item2));
            if (kind == PatternKind.StrictIPv4Only || (kind == PatternKind.LooseIPv4Only && AddressNames.LooksLikeAddress(context.Symbol.Name)))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1014, syntax.ArgumentList.Arguments[0].GetLocation(), Describe(text)));
            }
        }
    }

    /// <summary>Runs the pattern on IPv4 and IPv6 samples (whole-string match, with and without a port).</summary>
    private static PatternKind Classify(string pattern, RegexOptions options)
    {
        try
        {
            var safeOptions = (options & (RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture))
                | RegexOptions.CultureInvariant;
            var regex = new Regex("^(?:" + pattern + ")$", safeOptions, MatchTimeout);
            bool Any(params string[] samples) => samples.Any(regex.IsMatch);

            var acceptsIPv4 = Any("192.168.1.1", "192.168.1.1:8080") && Any("10.0.0.255", "10.0.0.255:80");
            if (!acceptsIPv4 || Any("::1", "[::1]:8080", "2001:db8::1", "fe80::1", "::ffff:10.0.0.1") || Any("1.2.3", "1.2.3.4.5", "a.b.c.d"))
            {
                return PatternKind.NotIPv4Only;
            }

            return Any("256.1.1.1", "999.1.1.1", "256.1.1.1:80") ? PatternKind.LooseIPv4Only : PatternKind.StrictIPv4Only;
        }
        catch (ArgumentException)
        {
            return PatternKind.NotIPv4Only;
        }
        catch (RegexMatchTimeoutException)
        {
            return PatternKind.NotIPv4Only;
        }
    }

    private static void AnalyzeHostNameType(OperationAnalysisContext context, StringRuleSymbols symbols)
    {
        var isIPv4Test = context.Operation switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary =>
                IsHostNameTypeField(binary.LeftOperand, symbols, "IPv4") || IsHostNameTypeField(binary.RightOperand, symbols, "IPv4"),
            IIsPatternOperation { Pattern: IConstantPatternOperation constant } =>
                IsHostNameTypeField(constant.Value, symbols, "IPv4"),
            _ => false,
        };
        if (!isIPv4Test || context.Operation.MemberContains(op => IsHostNameTypeField(op, symbols, "IPv6") || symbols.IsAddressFamilyConstant(op, StringRuleSymbols.InterNetworkV6)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1014, context.Operation.Syntax.GetLocation(), "'" + context.Operation.Syntax + "'"));
    }

    private static bool IsHostNameTypeField(IOperation operation, StringRuleSymbols symbols, string name) =>
        operation.WalkDownConversions() is IFieldReferenceOperation field
        && field.Field.Name == name
        && StringRuleSymbols.Is(field.Field.ContainingType, symbols.UriHostNameType);

    /// <summary><c>s.Split('.').Length == 4</c> (or <c>!=</c>) on text whose name, or whose member's name, says address.</summary>
    private static void AnalyzeSplitLength(OperationAnalysisContext context, StringRuleSymbols symbols)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
        {
            return;
        }

        var other = binary.RightOperand.ConstantValue.Value is 4 ? binary.LeftOperand
            : binary.LeftOperand.ConstantValue.Value is 4 ? binary.RightOperand
            : null;
        if (other?.WalkDownConversions() is not IPropertyReferenceOperation { Property.Name: "Length", Instance: IInvocationOperation split }
            || split.TargetMethod.Name != "Split" || split.TargetMethod.ContainingType?.SpecialType != SpecialType.System_String
            || split.Arguments.Length == 0 || !IsDot(split.Arguments[0].Value))
        {
            return;
        }

        var named = AddressNames.LooksLikeAddress(NameOf(split.Instance))
            || AddressNames.LooksLikeAddress(OperationFlow.ContainingMember(context.ContainingSymbol)?.Name);
        if (!named || binary.MemberContains(op => op is ILiteralOperation { ConstantValue.Value: ':' or ":" } || symbols.IsAddressFamilyConstant(op, StringRuleSymbols.InterNetworkV6)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1014, binary.Syntax.GetLocation(), "'" + binary.Syntax + "'"));
    }

    private static bool IsDot(IOperation separator)
    {
        var value = separator.WalkDownConversions();
        if (value is IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } elements })
        {
            value = elements[0].WalkDownConversions();
        }

        return value.ConstantValue.Value is '.' or ".";
    }

    private static string? NameOf(IOperation? operation) => OperationFlow.ReferencedName(operation);

    /// <summary>The local or field a new Regex is stored in.</summary>
    private static string? DeclaredName(IOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
            IFieldInitializerOperation field => field.InitializedFields.FirstOrDefault()?.Name,
            IPropertyInitializerOperation property => property.InitializedProperties.FirstOrDefault()?.Name,
            ISimpleAssignmentOperation assignment => NameOf(assignment.Target),
            _ => null,
        };
    }

    private static string Describe(string pattern) =>
        "The pattern \"" + (pattern.Length > 60 ? pattern.Substring(0, 57) + "..." : pattern) + "\"";
}
