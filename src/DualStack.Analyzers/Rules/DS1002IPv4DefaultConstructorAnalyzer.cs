using System.Collections.Immutable;
using DualStack.Analyzers.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Rules;

/// <summary>
/// DS1002: constructors that silently pick IPv4: <c>new UdpClient()</c>, <c>new UdpClient(int)</c>,
/// <c>new TcpListener(int)</c>, and <c>new TcpClient()</c> when the code may run on .NET Framework (where it is
/// <c>TcpClient(AddressFamily.InterNetwork)</c>; .NET Core 3.0+ made it dual-mode).
/// Silent when the member also handles IPv6, or (for UdpClient) uses IPv4 broadcast or multicast or only talks to a
/// known IPv4 address (IPAddress.Loopback, IPAddress.Broadcast).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1002IPv4DefaultConstructorAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1002);

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
            var tcpClientIsIPv4 = TargetRuntime.Of(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions, symbols).IsNetFramework;
            start.RegisterOperationAction(c => Analyze(c, symbols, new MemberFacts(c.Operation, symbols), tcpClientIsIPv4), OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, SocketSymbols symbols, MemberFacts facts, bool tcpClientIsIPv4)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var parameters = creation.Constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        var takesOneInt = parameters.Length == 1 && parameters[0].Type.SpecialType == SpecialType.System_Int32;
        string? api = null;
        string? advice = null;
        string? fixKind = null;

        if (symbols.Is(creation.Type, symbols.UdpClient) && (parameters.Length == 0 || takesOneInt))
        {
            // IPv4 broadcast or multicast, or a client that only talks to a known IPv4 address, is IPv4 by design.
            if (facts.Value.UsesIPv4BroadcastOrMulticast
                || parameters.Length == 0 && SocketUsage.Of(creation, symbols) is { ConnectsToIPv4Address: true })
            {
                return;
            }

            api = parameters.Length == 0 ? "new UdpClient()" : "new UdpClient(int)";
            advice = parameters.Length == 0
                ? "create it with the remote endpoint's family, new UdpClient(remote.AddressFamily)"
                : "bind IPAddress.IPv6Any on a socket with DualMode = true, guarded by Socket.OSSupportsIPv6";
        }
        else if (symbols.Is(creation.Type, symbols.TcpListener) && takesOneInt)
        {
            api = "new TcpListener(int)";
            advice = "use TcpListener.Create(port), which listens on both families and falls back to IPv4";
            fixKind = SocketFixKinds.TcpListenerCreate;
        }
        else if (tcpClientIsIPv4 && symbols.Is(creation.Type, symbols.TcpClient) && parameters.Length == 0)
        {
            api = "new TcpClient() on .NET Framework";
            advice = "use new TcpClient(host, port), which picks the family of each resolved address";
        }

        if (api is null || facts.Value.HandlesIPv6)
        {
            return;
        }

        var properties = fixKind is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(SocketFixKinds.Key, fixKind);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1002, creation.Syntax.GetLocation(), properties, api, advice));
    }
}
