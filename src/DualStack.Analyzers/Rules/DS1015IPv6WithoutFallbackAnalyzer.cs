using System.Collections.Immutable;
using DualStack.Analyzers.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Rules;

/// <summary>
/// DS1015: IPv6 required with no fallback, which throws on hosts and containers with IPv6 disabled (MQTTnet#649,
/// nats.net#431, slskd#1619): <c>AddressFamily.InterNetworkV6</c> given to a Socket/TcpClient/UdpClient constructor,
/// <c>IPAddress.IPv6Any</c> bound (TcpListener, Kestrel Listen, an IPEndPoint reaching Bind or a UdpClient), and
/// <c>DualMode = true</c>. Silent inside a branch on <c>Socket.OSSupportsIPv6</c> (or a boolean whose name says IPv6), after an early exit on it, in a
/// branch chosen by an address family (the peer is IPv6, so the host has it), or inside a try with a catch (a fallback).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1015IPv6WithoutFallbackAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic properties naming the IPv4 value the fix falls back to (type metadata name and member).</summary>
    public const string FallbackTypeKey = "DualStack.FallbackType";

    public const string FallbackMemberKey = "DualStack.FallbackMember";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1015);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = SocketSymbols.TryCreate(start.Compilation);
            if (symbols?.Socket is null || symbols.AddressFamily is null)
            {
                return;
            }

            // Guards are found by walking up from each use, so no per-member facts are needed.
            start.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, SocketSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = creation.Type;
        if (symbols.Is(type, symbols.Socket) || symbols.Is(type, symbols.TcpClient) || symbols.Is(type, symbols.UdpClient))
        {
            foreach (var argument in creation.Arguments)
            {
                if (symbols.Is(argument.Value.Type, symbols.AddressFamily)
                    && SocketValues.ConstantInt(SocketValueFlow.Resolve(argument.Value)) == SocketSymbols.InterNetworkV6)
                {
                    ReportValue(context, argument.Value, "AddressFamily.InterNetworkV6", "System.Net.Sockets.AddressFamily", "InterNetwork");
                }
            }
        }

        // IPv6Any in a TcpListener, or in an endpoint that is bound.
        var first = SocketValues.ArgumentFor(creation, 0);
        if (first is not null && symbols.Is(first.Type, symbols.IPAddress) && SocketValues.IsIPv6Any(first, symbols)
            && (symbols.Is(type, symbols.TcpListener) || symbols.Is(type, symbols.IPEndPoint) && SocketSinks.ReachesBind(creation, symbols)))
        {
            ReportValue(context, first, "IPAddress.IPv6Any", "System.Net.IPAddress", "Any");
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SocketSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name == "Listen" && symbols.Is(invocation.TargetMethod.ContainingType, symbols.KestrelServerOptions)
            && SocketValues.ArgumentFor(invocation, 0) is { } first && symbols.Is(first.Type, symbols.IPAddress) && SocketValues.IsIPv6Any(first, symbols))
        {
            ReportValue(context, first, "IPAddress.IPv6Any", "System.Net.IPAddress", "Any");
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, SocketSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "DualMode" } property }
            || !symbols.Is(property.ContainingType, symbols.Socket) || assignment.Value.ConstantValue is not { HasValue: true, Value: true }
            || IsGuarded(assignment))
        {
            return;
        }

        // Only a statement of its own can be wrapped in an if; an object initializer member cannot.
        var properties = assignment.Parent is IExpressionStatementOperation && assignment.Syntax.Parent is ExpressionStatementSyntax
            ? ImmutableDictionary<string, string?>.Empty.Add(SocketFixKinds.Key, SocketFixKinds.OSSupportsIPv6Statement)
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1015, assignment.Syntax.GetLocation(), properties, "DualMode = true"));
    }

    private static void ReportValue(OperationAnalysisContext context, IOperation value, string shown, string fallbackType, string fallbackMember)
    {
        if (IsGuarded(value))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(SocketFixKinds.Key, SocketFixKinds.OSSupportsIPv6Conditional)
            .Add(FallbackTypeKey, fallbackType)
            .Add(FallbackMemberKey, fallbackMember);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1015, value.Syntax.GetLocation(), properties, shown));
    }

    private static bool IsGuarded(IOperation operation)
    {
        for (IOperation? child = operation, parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ITryOperation { Catches.IsEmpty: false } tryOperation when child == tryOperation.Body:
                    return true;
                case IConditionalOperation conditional when child != conditional.Condition
                    && (DecidesByFamily(conditional.Condition) || ChecksIPv6Support(conditional.Condition)):
                    return true;
                case ISwitchOperation switchOperation when DecidesByFamily(switchOperation.Value):
                    return true;
                case ISwitchExpressionOperation switchExpression when DecidesByFamily(switchExpression.Value):
                    return true;
                case IBlockOperation block when ExitsEarlyWithoutIPv6(block, child):
                    return true;
            }
        }

        return false;
    }

    /// <summary>An earlier statement of the block is <c>if (!Socket.OSSupportsIPv6) { …; return/throw; }</c>.</summary>
    private static bool ExitsEarlyWithoutIPv6(IBlockOperation block, IOperation child)
    {
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                return false;
            }

            if (statement is IConditionalOperation { WhenFalse: null } check && ChecksIPv6Support(check.Condition) && EndsWithExit(check.WhenTrue))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithExit(IOperation operation) => operation switch
    {
        IReturnOperation or IThrowOperation or IBranchOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: > 0 } block => EndsWithExit(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    /// <summary>
    /// The condition asks whether IPv6 is available or wanted: <c>Socket.OSSupportsIPv6</c>,
    /// <c>NetworkInterface.Supports(NetworkInterfaceComponent.IPv6)</c>, or a flag or helper whose name says IPv6
    /// (<c>IPv6Support</c>, <c>options.EnableIPv6</c>), which libraries compute once from OSSupportsIPv6 or configuration.
    /// </summary>
    private static bool ChecksIPv6Support(IOperation condition) =>
        condition.DescendantsAndSelf().Any(o => o switch
        {
            IPropertyReferenceOperation { Property.Name: "OSSupportsIPv6" or "SupportsIPv6" or "OSSupportsIPv6DualMode" } => true,
            IFieldReferenceOperation { Field.Name: "IPv6", Field.ContainingType.Name: "NetworkInterfaceComponent" } => true,
            IFieldReferenceOperation { Field: { Type.SpecialType: SpecialType.System_Boolean } field } => NamesIPv6(field),
            IPropertyReferenceOperation { Property: { Type.SpecialType: SpecialType.System_Boolean } property } => NamesIPv6(property),
            ILocalReferenceOperation { Local: { Type.SpecialType: SpecialType.System_Boolean } local } reference =>
                NamesIPv6(local) || SocketValueFlow.Resolve(reference) is var definition && definition != reference && ChecksIPv6Support(definition),
            IParameterReferenceOperation { Parameter: { Type.SpecialType: SpecialType.System_Boolean } parameter } => NamesIPv6(parameter),
            IInvocationOperation { TargetMethod: { ReturnType.SpecialType: SpecialType.System_Boolean } method } => NamesIPv6(method),
            _ => false,
        });

    private static bool NamesIPv6(ISymbol symbol) => symbol.Name.IndexOf("ipv6", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// The condition follows a given address: it reads an AddressFamily (a peer's, an endpoint's) or compares with an
    /// IPv6 value (<c>address.Equals(IPAddress.IPv6Any)</c>, <c>== AddressFamily.InterNetworkV6</c>). The IPv6 branch
    /// then runs only for an IPv6 address that was configured or received, so the host has IPv6.
    /// </summary>
    private static bool DecidesByFamily(IOperation condition) =>
        condition.DescendantsAndSelf().Any(o => o switch
        {
            IPropertyReferenceOperation { Property.Type.Name: "AddressFamily" } => true,
            IFieldReferenceOperation { Field: { Name: "IPv6Any" or "IPv6Loopback" or "IPv6None", ContainingType.Name: "IPAddress" } } => true,
            IFieldReferenceOperation { Field: { Name: "InterNetworkV6", ContainingType.Name: "AddressFamily" } } => true,
            _ => false,
        });
}
