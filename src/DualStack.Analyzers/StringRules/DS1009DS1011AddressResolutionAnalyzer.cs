using System.Collections.Immutable;
using DualStack.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// Results of name resolution and interface discovery.
/// DS1009: filters that keep <c>AddressFamily.InterNetwork</c> only (LINQ predicates, <c>Array.Find</c>, a
/// <c>foreach</c> with an IPv4 test and no else), and <c>GetIPv4Properties()</c> called unconditionally (it throws
/// for interfaces without IPv4). Silent when the member also handles IPv6 (<c>InterNetworkV6</c>, IPv6 fields,
/// <c>GetIPv6Properties</c>), when a <c>??</c> supplies a fallback, or when the call is guarded by
/// <c>Supports(NetworkInterfaceComponent.IPv4)</c> or a try/catch.
/// DS1011: the first DNS answer (<c>[0]</c>, <c>First()</c>) of <c>Dns.GetHostAddresses</c> or
/// <c>IPHostEntry.AddressList</c> used to build an endpoint, connect or listen.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1009DS1011AddressResolutionAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> FilterMethods =
        ImmutableHashSet.Create("Where", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "Find", "FindAll", "FindLast");

    private static readonly ImmutableHashSet<string> FirstMethods = ImmutableHashSet.Create("First", "FirstOrDefault", "Single", "SingleOrDefault");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1009, Descriptors.DS1011);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code gets no callbacks (no Analyze flag) and every report lies inside the operation being analyzed,
        // so none can land there; ReportDiagnostics spares Roslyn's per-report generated-code check, which binds the
        // attributes of every declaration of a file on its first report (GeneratedCodeSilenceTests).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = StringRuleSymbols.Instance;
            var reach = new HostSinkReach(symbols);
            start.RegisterOperationAction(c => AnalyzeFamilyTest(c, symbols, reach), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeElementAccess(c, symbols), OperationKind.ArrayElementReference);
        });
    }

    // ---- DS1009 --------------------------------------------------------------------------------------------

    private static void AnalyzeFamilyTest(OperationAnalysisContext context, StringRuleSymbols symbols, HostSinkReach reach)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
        {
            return;
        }

        // a.AddressFamily != InterNetworkV6 as a filter's predicate keeps the IPv4 answers just the same.
        var excludesIPv6 = binary.OperatorKind == BinaryOperatorKind.NotEquals && IsFamilyTest(binary, symbols, StringRuleSymbols.InterNetworkV6);
        if (!excludesIPv6 && !IsFamilyTest(binary, symbols, StringRuleSymbols.InterNetwork))
        {
            return;
        }

        string? filter = null;
        IInvocationOperation? filtering = null;
        if ((binary.OperatorKind == BinaryOperatorKind.Equals || excludesIPv6) && PredicateOf(binary) is { } invocation)
        {
            if (!IsCoalescedWithFallback(invocation))
            {
                filter = "'" + invocation.TargetMethod.Name + "'";
                filtering = invocation;
            }
        }
        else if (!excludesIPv6 && IsForEachFilter(binary))
        {
            filter = "The loop";
        }

        if (filter is null || binary.MemberContains(op => HandlesIPv6(op, symbols) && !IsWithin(op, binary)))
        {
            return;
        }

        // Severity follows the evidence: Warning when the address the filter keeps provably reaches a host or URL
        // parser (here, or through the member it is stored in or the result of this method); Info otherwise.
        var sink = filtering is not null
            ? (FirstMethods.Contains(filtering.TargetMethod.Name) || filtering.TargetMethod.Name is "Find" or "Last" or "LastOrDefault" ? reach.Of(filtering, context.Compilation) : null)
            : SelectedInLoop(binary, reach, context.Compilation);
        Report(context, binary, filter, sink);
    }

    private static void Report(OperationAnalysisContext context, IOperation at, string filter, string? sink) =>
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.DS1009, at.Syntax.GetLocation(), sink is null ? Descriptors.DS1009.DefaultSeverity : DiagnosticSeverity.Warning,
            additionalLocations: null, properties: null,
            filter + " keeps IPv4 addresses only" + (sink is null ? string.Empty : " (the address it selects reaches " + sink + ")")));

    /// <summary>
    /// What the address a foreach filter keeps reaches: a value computed from the loop variable inside the IPv4 branch
    /// (<c>chosen = unicast.Address.ToString()</c>, <c>return a</c>) followed to a host or URL parser.
    /// </summary>
    private static string? SelectedInLoop(IOperation test, HostSinkReach reach, Compilation compilation)
    {
        IOperation condition = test;
        while (condition.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and)
        {
            condition = and;
        }

        if (condition.Parent is not IConditionalOperation { WhenTrue: { } kept } || test.Ancestors().OfType<IForEachLoopOperation>().FirstOrDefault() is not { } loop
            || loop.Locals.IsEmpty)
        {
            return null;
        }

        var item = loop.Locals[0];
        foreach (var operation in kept.Descendants())
        {
            var value = operation switch
            {
                ISimpleAssignmentOperation assignment => assignment.Value,
                IReturnOperation { ReturnedValue: { } returned } => returned,
                _ => null,
            };

            if (value is not null && value.DescendantsAndSelf().Any(op => op is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, item))
                && reach.Of(value, compilation) is { } sink)
            {
                return sink;
            }
        }

        return null;
    }

    private static bool IsWithin(IOperation operation, IOperation ancestor)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>x.AddressFamily == AddressFamily.X</c> (or !=) where x is an address or endpoint and X has the value <paramref name="family"/>.</summary>
    private static bool IsFamilyTest(IBinaryOperation binary, StringRuleSymbols symbols, int family)
    {
        bool IsFamilyProperty(IOperation op) =>
            op.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "AddressFamily" } property
            && (StringRuleSymbols.IsOrDerives(property.Property.ContainingType, symbols.IPAddress)
                || StringRuleSymbols.IsOrDerives(property.Property.ContainingType, symbols.EndPoint));

        return (IsFamilyProperty(binary.LeftOperand) && symbols.IsAddressFamilyConstant(binary.RightOperand, family))
            || (IsFamilyProperty(binary.RightOperand) && symbols.IsAddressFamilyConstant(binary.LeftOperand, family));
    }

    /// <summary>The filtering call whose predicate is exactly this comparison (<c>a =&gt; a.AddressFamily == InterNetwork</c>).</summary>
    private static IInvocationOperation? PredicateOf(IBinaryOperation binary)
    {
        IOperation current = binary;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IReturnOperation { Parent: IBlockOperation { Parent: IAnonymousFunctionOperation lambda } })
        {
            return null;
        }

        IOperation up = lambda;
        while (up.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            up = up.Parent;
        }

        return up.Parent is IArgumentOperation { Parent: IInvocationOperation invocation } && FilterMethods.Contains(invocation.TargetMethod.Name)
            ? invocation
            : null;
    }

    /// <summary>
    /// <c>list.FirstOrDefault(ipv4) ?? list.FirstOrDefault()</c>, <c>Array.Find(all, ipv4)?.ToString() ?? name</c>: a
    /// fallback (a <c>?? throw</c> is not one).
    /// </summary>
    private static bool IsCoalescedWithFallback(IOperation operation)
    {
        var current = operation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation or IInvocationOperation { TargetMethod.Name: "FirstOrDefault" or "First" or "ToArray" or "ToList" }
            || (current.Parent is IConditionalAccessOperation access && access.Operation == current))
        {
            current = current.Parent;
        }

        return current.Parent is ICoalesceOperation coalesce && coalesce.Value == current && coalesce.WhenNull is not IThrowOperation;
    }

    /// <summary><c>foreach (var a in list) { if (a.AddressFamily == InterNetwork) … }</c> with no else, or <c>!= … continue</c>.</summary>
    private static bool IsForEachFilter(IBinaryOperation binary) => IsForEachFilter(binary, binary.OperatorKind == BinaryOperatorKind.Equals);

    /// <summary>The test (true for IPv4 when <paramref name="positive"/>) filters the items of a foreach loop.</summary>
    private static bool IsForEachFilter(IOperation test, bool positive)
    {
        // The test may be one operand of &&: if (!IPAddress.IsLoopback(a) && a.AddressFamily == InterNetwork).
        IOperation condition = test;
        while (positive && condition.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and)
        {
            condition = and;
        }

        if (condition.Parent is not IConditionalOperation conditional || conditional.Condition != condition)
        {
            return false;
        }

        var filters = positive
            ? conditional.WhenFalse is null
            : IsContinue(conditional.WhenTrue);
        return filters && conditional.Ancestors().Any(a => a is IForEachLoopOperation);
    }

    private static bool IsContinue(IOperation operation) =>
        operation is IBranchOperation { BranchKind: BranchKind.Continue }
        || (operation is IBlockOperation { Operations.Length: 1 } block && block.Operations[0] is IBranchOperation { BranchKind: BranchKind.Continue });

    private static bool HandlesIPv6(IOperation operation, StringRuleSymbols symbols) => operation switch
    {
        IFieldReferenceOperation field when symbols.IsAddressFamilyConstant(field, StringRuleSymbols.InterNetworkV6) => true,
        IFieldReferenceOperation { Field.Name: "IPv6Any" or "IPv6Loopback" or "IPv6None" } field => StringRuleSymbols.Is(field.Field.ContainingType, symbols.IPAddress),
        IInvocationOperation { TargetMethod.Name: "GetIPv6Properties" } => true,
        _ => false,
    };

    private static void AnalyzeInvocation(OperationAnalysisContext context, StringRuleSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod is { Parameters.Length: 1 } helper
            && StringRuleSymbols.Is(helper.Parameters[0].Type, symbols.IPAddress) && IsFamilyHelper(helper, "InterNetwork"))
        {
            AnalyzeFamilyHelperCall(context, invocation, symbols);
            return;
        }

        if (invocation.TargetMethod.Name == "GetIPv4Properties"
            && StringRuleSymbols.IsOrDerives(invocation.TargetMethod.ContainingType, symbols.IPInterfaceProperties))
        {
            AnalyzeIPv4Properties(context, invocation, symbols);
            return;
        }

        if (FirstMethods.Contains(invocation.TargetMethod.Name) && invocation.Arguments.Length >= 1
            && StringRuleSymbols.Is(invocation.TargetMethod.ContainingType, symbols.Enumerable)
            && StringRuleSymbols.Is(invocation.Type, symbols.IPAddress)
            && !HasFamilyPredicate(invocation)
            && IsDnsResult(invocation.Arguments[0].Value, symbols, 0)
            && FeedsConnectOrBind(invocation, symbols, 0)
            && !FirstDnsAnswerOwnership.FlowOwns(invocation, context.ContainingSymbol, context.Compilation.Assembly))
        {
            ReportFirstAnswer(context, invocation);
        }
    }

    private static void AnalyzeIPv4Properties(OperationAnalysisContext context, IInvocationOperation invocation, StringRuleSymbols symbols)
    {
        if (IsCaughtPerItem(invocation) || invocation.MemberContains(op =>
                HandlesIPv6(op, symbols)
                || (op is IInvocationOperation { TargetMethod.Name: "Supports" } supports
                    && StringRuleSymbols.IsOrDerives(supports.TargetMethod.ContainingType, symbols.NetworkInterface))))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.DS1009, invocation.Syntax.GetLocation(), "'GetIPv4Properties()' is called unconditionally and, on Windows, throws for interfaces without IPv4"));
    }

    /// <summary>
    /// A try/catch guards the call only if it sits inside the loop over interfaces: one around the whole loop ends
    /// the scan at the first interface without IPv4, so the interfaces after it are never seen.
    /// </summary>
    private static bool IsCaughtPerItem(IOperation operation)
    {
        foreach (var ancestor in operation.Ancestors())
        {
            switch (ancestor)
            {
                case ITryOperation { Catches.Length: > 0 }:
                    return true;
                case ILoopOperation:
                case IAnonymousFunctionOperation:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A call of this compilation's own IPv4 test, <c>static bool IsInet4Address(IPAddress a) =&gt; a.AddressFamily ==
    /// AddressFamily.InterNetwork;</c>, used as a loop filter: read from the helper's syntax (one comparison, no IPv6).
    /// </summary>
    private static void AnalyzeFamilyHelperCall(OperationAnalysisContext context, IInvocationOperation invocation, StringRuleSymbols symbols)
    {
        var filters = invocation.Parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not
            ? IsForEachFilter(not, positive: false)
            : IsForEachFilter(invocation, positive: true);
        if (!filters || invocation.MemberContains(op => HandlesIPv6(op, symbols) || IsIPv6HelperCall(op)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1009, invocation.Syntax.GetLocation(), "The loop keeps IPv4 addresses only"));
    }

    private static bool IsIPv6HelperCall(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod: { } method } && method.Parameters.Length == 1 && IsFamilyHelper(method, "InterNetworkV6");

    /// <summary>A one-parameter bool method of this compilation whose body is one comparison of an address family with <paramref name="family"/>.</summary>
    private static bool IsFamilyHelper(IMethodSymbol method, string family)
    {
        if (method.ReturnType.SpecialType != SpecialType.System_Boolean || method.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        if (syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax declaration)
        {
            return false;
        }

        var expression = declaration.ExpressionBody?.Expression
            ?? (declaration.Body is { Statements.Count: 1 } body && body.Statements[0] is Microsoft.CodeAnalysis.CSharp.Syntax.ReturnStatementSyntax ret ? ret.Expression : null);
        return expression is Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax binary
            && binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EqualsExpression)
            && (EndsWith(binary.Left, "AddressFamily") && EndsWith(binary.Right, family) || EndsWith(binary.Right, "AddressFamily") && EndsWith(binary.Left, family));
    }

    private static bool EndsWith(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression, string name) => expression switch
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == name,
        Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        _ => false,
    };

    // ---- DS1011 --------------------------------------------------------------------------------------------

    private static void AnalyzeElementAccess(OperationAnalysisContext context, StringRuleSymbols symbols)
    {
        var element = (IArrayElementReferenceOperation)context.Operation;
        // Type first: it is cheap, and most array reads are not addresses.
        if (element.Indices.Length == 1 && element.Indices[0].ConstantValue.Value is 0
            && StringRuleSymbols.Is(element.Type, symbols.IPAddress)
            && IsDnsResult(element.ArrayReference, symbols, 0)
            && FeedsConnectOrBind(element, symbols, 0)
            && !FirstDnsAnswerOwnership.FlowOwns(element, context.ContainingSymbol, context.Compilation.Assembly))
        {
            ReportFirstAnswer(context, element);
        }
    }

    private static void ReportFirstAnswer(OperationAnalysisContext context, IOperation access) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1011, access.Syntax.GetLocation(), "'" + access.Syntax + "'"));

    private static bool HasFamilyPredicate(IInvocationOperation invocation) =>
        invocation.Arguments.Length > 1
        && invocation.Arguments[1].Descendants().Any(op => op is IPropertyReferenceOperation { Property.Name: "AddressFamily" });

    /// <summary><c>Dns.GetHostAddresses(…)</c>, its async form awaited, or <c>IPHostEntry.AddressList</c>, through locals.</summary>
    private static bool IsDnsResult(IOperation operation, StringRuleSymbols symbols, int depth)
    {
        var value = DnsResults.UnwrapTaskResult(operation);
        switch (value)
        {
            case IInvocationOperation { TargetMethod.Name: "GetHostAddresses" or "GetHostAddressesAsync" } invocation:
                return StringRuleSymbols.Is(invocation.TargetMethod.ContainingType, symbols.Dns);
            case IPropertyReferenceOperation { Property.Name: "AddressList" } property:
                return StringRuleSymbols.Is(property.Property.ContainingType, symbols.IPHostEntry);
            case ILocalReferenceOperation when depth < 3:
                var resolved = value.ResolveValue();
                return resolved != value && IsDnsResult(resolved, symbols, depth + 1);
            default:
                return false;
        }
    }

    /// <summary>The address becomes an endpoint, a listener or a connect target (directly or through one local).</summary>
    private static bool FeedsConnectOrBind(IOperation address, StringRuleSymbols symbols, int depth)
    {
        var current = address;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } }:
                var type = constructor.ContainingType;
                return StringRuleSymbols.Is(type, symbols.IPEndPoint) || StringRuleSymbols.Is(type, symbols.TcpListener)
                    || StringRuleSymbols.Is(type, symbols.TcpClient) || StringRuleSymbols.Is(type, symbols.UdpClient);
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                var owner = invocation.TargetMethod.ContainingType;
                return invocation.TargetMethod.Name.IndexOf("Connect", StringComparison.Ordinal) >= 0
                    && (StringRuleSymbols.Is(owner, symbols.Socket) || StringRuleSymbols.Is(owner, symbols.TcpClient) || StringRuleSymbols.Is(owner, symbols.UdpClient));
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth < 2:
                return address.GetRoot().Descendants().Any(op =>
                    op is ILocalReferenceOperation local
                    && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol)
                    && FeedsConnectOrBind(local, symbols, depth + 1));
            default:
                return false;
        }
    }
}
