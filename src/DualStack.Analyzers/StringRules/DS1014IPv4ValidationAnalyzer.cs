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
/// <c>[GeneratedRegex]</c> patterns are DS1014GeneratedRegexAnalyzer's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1014IPv4ValidationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1014);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code gets no callbacks (no Analyze flag) and every report lies inside the operation being analyzed,
        // so none can land there; ReportDiagnostics spares Roslyn's per-report generated-code check, which binds the
        // attributes of every declaration of a file on its first report (GeneratedCodeSilenceTests). [GeneratedRegex]
        // patterns, whose methods are generated code for the driver, are DS1014GeneratedRegexAnalyzer's.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = StringRuleSymbols.Instance;
            var patterns = new ConcurrentDictionary<(string, RegexOptions), DS1014RegexPatterns.Kind>();
            start.RegisterOperationAction(c => AnalyzeRegexUse(c, symbols, patterns), OperationKind.Invocation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeHostNameType(c, symbols), OperationKind.Binary, OperationKind.IsPattern);

            start.RegisterOperationAction(c => AnalyzeSplitLength(c, symbols), OperationKind.Binary);
        });
    }

    private static void AnalyzeRegexUse(OperationAnalysisContext context, StringRuleSymbols symbols, ConcurrentDictionary<(string, RegexOptions), DS1014RegexPatterns.Kind> cache)
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
        var kind = cache.GetOrAdd((text, options), key => DS1014RegexPatterns.Classify(key.Item1, key.Item2));
        var named = AddressNames.LooksLikeAddress(contextName)
            || AddressNames.LooksLikeAddress(OperationFlow.ContainingMember(context.ContainingSymbol)?.Name);
        if (DS1014RegexPatterns.IsReported(kind, named))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1014, pattern.Value.Syntax.GetLocation(), DS1014RegexPatterns.Describe(text)));
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
}
