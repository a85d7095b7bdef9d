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
        // Generated code gets no callbacks (no Analyze flag) and every report lies inside the operation being analyzed,
        // so none can land there; ReportDiagnostics spares Roslyn's per-report generated-code check, which binds the
        // attributes of every declaration of a file on its first report (GeneratedCodeSilenceTests).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = SocketSymbols.For(start.Compilation);
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
            || IPv6FallbackGuards.IsGuarded(assignment))
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
        if (IPv6FallbackGuards.IsGuarded(value))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(SocketFixKinds.Key, SocketFixKinds.OSSupportsIPv6Conditional)
            .Add(FallbackTypeKey, fallbackType)
            .Add(FallbackMemberKey, fallbackMember);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1015, value.Syntax.GetLocation(), properties, shown));
    }
}
