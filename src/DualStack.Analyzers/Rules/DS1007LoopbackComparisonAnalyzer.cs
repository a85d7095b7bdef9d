using System.Collections.Immutable;
using DualStack.Analyzers.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Rules;

/// <summary>
/// DS1007: an address compared with <c>IPAddress.Loopback</c> or <c>IPAddress.Any</c> (<c>Equals</c>, static
/// <c>Equals(a, b)</c>, <c>==</c>/<c>!=</c>, which compare references). Equals compares the family first, so <c>::1</c>
/// and <c>::ffff:127.0.0.1</c> never match. Silent when the member also compares with the IPv6 partner
/// (IPv6Loopback, IPv6Any) or branches on the address family. The Loopback forms get the <c>IPAddress.IsLoopback(x)</c> fix; Any has no single API.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1007LoopbackComparisonAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: 0 when the IPv4 constant is the first operand (receiver, left side), 1 when the second.</summary>
    public const string ConstantOperandKey = "DualStack.ConstantOperand";

    /// <summary>Diagnostic property present for <c>!=</c>.</summary>
    public const string NegatedKey = "DualStack.Negated";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1007);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code gets no callbacks (no Analyze flag) and every report lies inside the operation being analyzed,
        // so none can land there; ReportDiagnostics spares Roslyn's per-report generated-code check, which binds the
        // attributes of every declaration of a file on its first report (GeneratedCodeSilenceTests).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = SocketSymbols.For(start.Compilation);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, new MemberFacts(c.Operation, symbols)), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeBinary(c, symbols, new MemberFacts(c.Operation, symbols)), OperationKind.Binary);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SocketSymbols symbols, MemberFacts facts)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "Equals")
        {
            return;
        }

        if (invocation.Instance is { } instance && invocation.Arguments.Length == 1)
        {
            // x.Equals(Loopback) dereferences x already, so IsLoopback(x) cannot add a null failure; Loopback.Equals(x) can.
            Check(context, symbols, facts, instance, invocation.Arguments[0].Value, receiverDereferenced: true, negated: false);
        }
        else if (invocation.Instance is null && invocation.Arguments.Length == 2 && invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_Object)
        {
            Check(context, symbols, facts, invocation.Arguments[0].Value, invocation.Arguments[1].Value, receiverDereferenced: false, negated: false);
        }
    }

    private static void AnalyzeBinary(OperationAnalysisContext context, SocketSymbols symbols, MemberFacts facts)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals && binary.OperatorMethod is null)
        {
            Check(context, symbols, facts, binary.LeftOperand, binary.RightOperand, receiverDereferenced: false, binary.OperatorKind == BinaryOperatorKind.NotEquals);
        }
    }

    private static void Check(OperationAnalysisContext context, SocketSymbols symbols, MemberFacts facts, IOperation first, IOperation second, bool receiverDereferenced, bool negated)
    {
        var firstConstant = Constant(first, symbols);
        var secondConstant = Constant(second, symbols);
        if (firstConstant is null == secondConstant is null)
        {
            return;
        }

        var constant = (firstConstant ?? secondConstant)!;
        var other = firstConstant is null ? first : second;
        if (!symbols.Is(SocketValueFlow.SkipConversions(other).Type, symbols.IPAddress))
        {
            return;
        }

        var isLoopback = symbols.Loopback.Matches(constant);
        // A member that branches on the family (reads AddressFamily, names InterNetworkV6) handles IPv6 on its own path.
        if ((isLoopback ? facts.Value.ReferencesIPv6Loopback : facts.Value.ReferencesIPv6Any)
            || facts.Value.ReadsAddressFamily || facts.Value.ReferencesInterNetworkV6)
        {
            return;
        }

        // The equal branch replaces the IPv4 loopback with both loopbacks (ListenLocalhost, "localhost", IPv6Loopback):
        // the comparison finds the IPv4 form precisely to widen it.
        if (isLoopback && EqualBranchWidensToBothFamilies(context.Operation, negated))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        var fixKind = isLoopback ? FixKind(SocketValueFlow.SkipConversions(other), dereferenced: receiverDereferenced && firstConstant is null) : null;
        if (fixKind is not null)
        {
            properties = properties.Add(SocketFixKinds.Key, fixKind).Add(ConstantOperandKey, firstConstant is null ? "1" : "0");
            if (negated)
            {
                properties = properties.Add(NegatedKey, "true");
            }
        }

        var advice = isLoopback ? $"IPAddress.IsLoopback({SocketValueFlow.SkipConversions(other).Syntax})" : "a check for IPAddress.IPv6Any as well";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1007, ReportedSyntax(context.Operation).GetLocation(), properties, "IPAddress." + constant.Name, advice));
    }

    /// <summary>
    /// The branch taken when the comparison holds (of the nearest <c>if</c> or <c>?:</c> whose condition contains it)
    /// calls <c>ListenLocalhost</c>, names <c>IPAddress.IPv6Loopback</c> or writes "localhost".
    /// </summary>
    private static bool EqualBranchWidensToBothFamilies(IOperation comparison, bool negated)
    {
        IOperation child = comparison;
        for (var parent = comparison.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation conditional && child == conditional.Condition)
            {
                var branch = negated ? conditional.WhenFalse : conditional.WhenTrue;
                return branch is not null && branch.DescendantsAndSelf().Any(IsBothFamilyLoopback);
            }

            if (parent is IBlockOperation or IAnonymousFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsBothFamilyLoopback(IOperation operation) => operation switch
    {
        IInvocationOperation { TargetMethod.Name: "ListenLocalhost" } => true,
        IFieldReferenceOperation { Field: { Name: "IPv6Loopback", ContainingType.Name: "IPAddress" } } => true,
        ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } => string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The comparison as written: for <c>x?.Equals(c)</c> the whole conditional access, not <c>.Equals(c)</c>.</summary>
    private static SyntaxNode ReportedSyntax(IOperation comparison)
    {
        if (comparison is IInvocationOperation { Instance: IConditionalAccessInstanceOperation }
            && comparison.Parent is IConditionalAccessOperation access)
        {
            return access.Syntax;
        }

        return comparison.Syntax;
    }

    /// <summary>Loopback or Any, written directly (a local holding it would make the comparison intent unclear).</summary>
    private static IFieldSymbol? Constant(IOperation operand, SocketSymbols symbols) =>
        SocketValueFlow.SkipConversions(operand) is IFieldReferenceOperation { Field: var field }
        && (symbols.Loopback.Matches(field) || symbols.Any.Matches(field))
            ? field
            : null;

    private static string? FixKind(IOperation other, bool dereferenced)
    {
        if (other is IConditionalAccessInstanceOperation)
        {
            return null;
        }

        if (dereferenced || other.SemanticModel?.GetTypeInfo(other.Syntax).Nullability.FlowState == NullableFlowState.NotNull)
        {
            return SocketFixKinds.IsLoopback;
        }

        // IsLoopback(null) throws where the comparison returned false: keep that answer with a null check.
        return SocketValues.IsRepeatable(other) ? SocketFixKinds.IsLoopbackNullChecked : null;
    }
}
