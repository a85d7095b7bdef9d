using System.Collections.Immutable;
using DualStack.Analyzers.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Rules;

/// <summary>
/// DS1001: the IPv4 wildcard (<c>IPAddress.Any</c>, <c>new IPEndPoint(0, p)</c>) reaching a listener or bind call:
/// <c>new TcpListener(…)</c>, <c>Socket.Bind</c>, <c>new UdpClient(IPEndPoint)</c>, Kestrel <c>Listen</c>.
/// Silent when the member also handles IPv6 (binds IPv6Any, branches on InterNetworkV6, checks OSSupportsIPv6) or
/// uses IPv4 broadcast or multicast, which the protocol requires.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1001IPv4WildcardBindAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1001);

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
            start.RegisterOperationAction(c => AnalyzeCreation(c, symbols, new MemberFacts(c.Operation, symbols)), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, new MemberFacts(c.Operation, symbols)), OperationKind.Invocation);
        });
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, SocketSymbols symbols, MemberFacts facts)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Arguments.Length == 0 || !(symbols.Is(creation.Type, symbols.TcpListener) || symbols.Is(creation.Type, symbols.UdpClient)))
        {
            return;
        }

        var first = SocketValues.ArgumentFor(creation, 0);
        if (first is null)
        {
            return;
        }

        if (symbols.Is(creation.Type, symbols.TcpListener))
        {
            var isAddress = symbols.Is(first.Type, symbols.IPAddress);
            var wildcard = isAddress ? SocketValues.IsIPv4Any(first, symbols) : SocketValues.IsIPv4AnyEndPoint(first, symbols);
            if (wildcard && !facts.Value.HandlesIPv6)
            {
                // Both shapes keep the port in reach of the fixer: the second argument, or the inline endpoint's.
                var fixable = isAddress || SocketValueFlow.SkipConversions(first) is IObjectCreationOperation;
                Report(context, first, "The TcpListener", "Use TcpListener.Create(port), which listens on both families and falls back to IPv4.",
                    fixable ? SocketFixKinds.TcpListenerCreate : null);
            }
        }
        else if (symbols.Is(creation.Type, symbols.UdpClient) && symbols.Is(first.Type, symbols.IPEndPoint)
            && SocketValues.IsIPv4AnyEndPoint(first, symbols) && !facts.Value.HandlesIPv6 && !facts.Value.UsesIPv4BroadcastOrMulticast)
        {
            Report(context, first, "The UdpClient", DualModeAdvice, fixKind: null);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SocketSymbols symbols, MemberFacts facts)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("Bind" or "Listen"))
        {
            return;
        }

        var first = SocketValues.ArgumentFor(invocation, 0);
        if (first is null)
        {
            return;
        }

        if (method.Name == "Bind" && symbols.Is(method.ContainingType, symbols.Socket))
        {
            if (SocketValues.IsIPv4AnyEndPoint(first, symbols) && !facts.Value.HandlesIPv6 && !facts.Value.UsesIPv4BroadcastOrMulticast)
            {
                Report(context, first, "Socket.Bind", DualModeAdvice, fixKind: null);
            }
        }
        else if (method.Name == "Listen" && symbols.Is(method.ContainingType, symbols.KestrelServerOptions))
        {
            var isAddress = symbols.Is(first.Type, symbols.IPAddress);
            var wildcard = isAddress ? SocketValues.IsIPv4Any(first, symbols) : SocketValues.IsIPv4AnyEndPoint(first, symbols);
            if (wildcard && !facts.Value.HandlesIPv6)
            {
                var fixable = HasListenAnyIP(method.ContainingType) && invocation.Arguments.All(a => a.ArgumentKind != ArgumentKind.ParamArray)
                    && (isAddress || SocketValueFlow.SkipConversions(first) is IObjectCreationOperation);
                Report(context, first, "KestrelServerOptions.Listen", "Use ListenAnyIP(port), which binds [::] and falls back to 0.0.0.0.",
                    fixable ? SocketFixKinds.ListenAnyIP : null);
            }
        }
    }

    private const string DualModeAdvice =
        "Bind IPAddress.IPv6Any on a socket with DualMode = true, guarded by Socket.OSSupportsIPv6, or bind both families.";

    private static bool HasListenAnyIP(INamedTypeSymbol kestrelServerOptions) =>
        kestrelServerOptions.GetMembers("ListenAnyIP").Length > 0;

    private static void Report(OperationAnalysisContext context, IOperation argument, string sink, string advice, string? fixKind)
    {
        var properties = fixKind is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(SocketFixKinds.Key, fixKind);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1001, argument.Syntax.GetLocation(), properties, sink, advice));
    }
}
