using System.Collections.Immutable;
using DualStack.Analyzers.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Rules;

/// <summary>
/// DS1004: <c>IPAddress.Address</c> (throws for IPv6) read or written, and <c>new IPAddress(long)</c> /
/// <c>new IPEndPoint(long, int)</c> (IPv4 only) that reach a bind, connect, send or listen call.
/// Silent when the address is known to be IPv4 (an IPv4 field, the result of MapToIPv4, a long-built address) or the
/// member checks the address family; the all-zero forms are DS1001's (wildcard) and sentinels that never reach a
/// socket are fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1004IPv4OnlyAddressApiAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1004);

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
            start.RegisterOperationAction(c => AnalyzeAddress(c, symbols, new MemberFacts(c.Operation, symbols)), OperationKind.PropertyReference);

            start.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
        });
    }

    /// <summary><c>IPAddress.Address</c>, the obsolete IPv4-only 64-bit value.</summary>
    private static readonly KnownMember AddressProperty = new(KnownTypes.IPAddress, "Address");

    private static void AnalyzeAddress(OperationAnalysisContext context, SocketSymbols symbols, MemberFacts facts)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (!AddressProperty.Matches(reference.Property) || reference.Instance is null
            || IsKnownIPv4(reference.Instance, symbols) || facts.Value.ReadsAddressFamily)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1004, reference.Syntax.GetLocation(), "IPAddress.Address"));
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, SocketSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SocketValues.IsLongConstructor(creation, symbols) || IsZero(creation.Arguments[0].Value) || !SocketSinks.ReachesSink(creation, symbols))
        {
            return;
        }

        var api = symbols.Is(creation.Type, symbols.IPAddress) ? "new IPAddress(long)" : "new IPEndPoint(long, int)";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1004, creation.Syntax.GetLocation(), api));
    }

    /// <summary>Values that are IPv4 by construction, so <c>.Address</c> cannot throw.</summary>
    private static bool IsKnownIPv4(IOperation instance, SocketSymbols symbols) => SocketValueFlow.Resolve(instance) switch
    {
        IFieldReferenceOperation field => symbols.IsIPv4AddressField(field.Field),
        IInvocationOperation invocation => invocation.TargetMethod.Name == "MapToIPv4" && symbols.Is(invocation.TargetMethod.ContainingType, symbols.IPAddress),
        IObjectCreationOperation creation => SocketValues.IsLongConstructor(creation, symbols),
        _ => false,
    };

    // new IPAddress(0) and new IPEndPoint(0, p) are the IPv4 wildcard: DS1001 reports them when they are bound.
    private static bool IsZero(IOperation value) => SocketValues.ConstantLong(value) == 0;
}
