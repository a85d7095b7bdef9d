using System.Collections.Immutable;
using DualStack.Analyzers.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Rules;

/// <summary>
/// DS1005: <c>IPAddress.MapToIPv4()</c> in a member that never checks <c>IsIPv4MappedToIPv6</c>. MapToIPv4 keeps the
/// last four bytes of any IPv6 address, so a native IPv6 peer turns into a meaningless IPv4 address.
/// Silent when the member checks IsIPv4MappedToIPv6 anywhere (a guard or an early return) or the receiver is IPv4 by
/// construction. The fix (<c>a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a</c>) is offered when the receiver can be
/// repeated without side effects.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1005UnguardedMapToIPv4Analyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1005);

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
            start.RegisterOperationAction(c => Analyze(c, symbols, new MemberFacts(c.Operation, symbols)), OperationKind.Invocation);
        });
    }

    private static readonly KnownMember MapToIPv4Method = new(KnownTypes.IPAddress, "MapToIPv4");

    private static void Analyze(OperationAnalysisContext context, SocketSymbols symbols, MemberFacts facts)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!MapToIPv4Method.Matches(invocation.TargetMethod) || invocation.Instance is not { } receiver
            || IsIPv4ByConstruction(receiver, symbols) || facts.Value.ReferencesIsIPv4MappedToIPv6)
        {
            return;
        }

        var properties = SocketValues.IsRepeatable(receiver)
            ? ImmutableDictionary<string, string?>.Empty.Add(SocketFixKinds.Key, SocketFixKinds.GuardMapToIPv4)
            : ImmutableDictionary<string, string?>.Empty;
        var receiverText = ReceiverText(receiver);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1005, invocation.Syntax.GetLocation(), properties, receiverText));
    }

    /// <summary>The receiver as written; for <c>a?.MapToIPv4()</c> that is <c>a</c>, held by the conditional access.</summary>
    private static string ReceiverText(IOperation receiver)
    {
        if (receiver is IConditionalAccessInstanceOperation)
        {
            for (var parent = receiver.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    return access.Operation.Syntax.ToString();
                }
            }
        }

        return receiver.Syntax.ToString();
    }

    private static bool IsIPv4ByConstruction(IOperation receiver, SocketSymbols symbols) => SocketValueFlow.Resolve(receiver) switch
    {
        IFieldReferenceOperation field => symbols.IsIPv4AddressField(field.Field),
        IInvocationOperation { TargetMethod.Name: "MapToIPv6" } invocation => symbols.Is(invocation.TargetMethod.ContainingType, symbols.IPAddress),
        _ => false,
    };
}
