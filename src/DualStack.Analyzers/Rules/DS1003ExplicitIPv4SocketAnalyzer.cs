using System.Collections.Immutable;
using DualStack.Analyzers.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Rules;

/// <summary>
/// DS1003: <c>new Socket(AddressFamily.InterNetwork, …)</c>, <c>new TcpClient(AddressFamily.InterNetwork)</c> or
/// <c>new UdpClient(AddressFamily.InterNetwork)</c> stored in a local or field that the same member connects.
/// Silent for servers (bound or listening), connections to a known IPv4 address, IPv4 broadcast or multicast, and
/// members that also handle IPv6. Also <c>new TcpClient(new IPEndPoint(IPAddress.Any, localPort))</c>: binding the
/// client's local end to the IPv4 wildcard fixes its socket to IPv4, whatever it connects to later; that evidence is
/// certain, so it is reported at Warning. So is a socket connected to a host name (a string host, a <c>DnsEndPoint</c>,
/// or a value typed <c>EndPoint</c>): the name is resolved for IPv4 only. The fix (a dual-mode <c>Socket(SocketType, ProtocolType)</c>) is offered only for a
/// socket that is only connected, and only on .NET Core, where that constructor falls back to IPv4.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1003ExplicitIPv4SocketAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1003);

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
            // .NET Framework's Socket(SocketType, ProtocolType) is always IPv6 and throws where IPv6 is disabled.
            var dualModeConstructorFallsBack = !TargetRuntime.Of(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions, symbols).MayRunOnNetFramework;
            start.RegisterOperationAction(c => Analyze(c, symbols, new MemberFacts(c.Operation, symbols), dualModeConstructorFallsBack), OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, SocketSymbols symbols, MemberFacts facts, bool dualModeConstructorFallsBack)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (IsClientBoundToIPv4Wildcard(creation, symbols, out var localEndPoint))
        {
            if (!facts.Value.HandlesIPv6)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.DS1003, localEndPoint!.Syntax.GetLocation(), DiagnosticSeverity.Warning, null, null,
                    "The TcpClient bound to the local IPv4 wildcard endpoint"));
            }

            return;
        }

        var isSocket = symbols.Is(creation.Type, symbols.Socket) && creation.Arguments.Length == 3;
        var isClient = (symbols.Is(creation.Type, symbols.TcpClient) || symbols.Is(creation.Type, symbols.UdpClient)) && creation.Arguments.Length == 1;
        if (!isSocket && !isClient)
        {
            return;
        }

        var family = SocketValues.ArgumentFor(creation, 0);
        if (family is null || !symbols.Is(family.Type, symbols.AddressFamily) || SocketValues.ConstantInt(SocketValueFlow.Resolve(family)) != SocketSymbols.InterNetwork)
        {
            return;
        }

        var usage = SocketUsage.Of(creation, symbols);
        if (usage is not { IsConnected: true, IsServer: false, ConnectsToIPv4Address: false }
            || facts.Value.HandlesIPv6 || facts.Value.UsesIPv4BroadcastOrMulticast)
        {
            return;
        }

        var fixable = isSocket && usage.IsOnlyConnected && dualModeConstructorFallsBack
            && creation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax;
        var properties = fixable
            ? ImmutableDictionary<string, string?>.Empty.Add(SocketFixKinds.Key, SocketFixKinds.DualModeSocket)
            : ImmutableDictionary<string, string?>.Empty;
        // A host name (string, DnsEndPoint, or an EndPoint that admits one) is resolved for IPv4 only: a name with only
        // IPv6 addresses certainly fails. An IP endpoint of unknown origin may be IPv4 by contract: Info.
        var severity = usage.ConnectsToName ? DiagnosticSeverity.Warning : Descriptors.DS1003.DefaultSeverity;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.DS1003, family.Syntax.GetLocation(), severity, additionalLocations: null, properties, "The " + creation.Type!.Name));
    }

    /// <summary><c>new TcpClient(localEP)</c> whose local endpoint is the IPv4 wildcard (inline or through a local).</summary>
    private static bool IsClientBoundToIPv4Wildcard(IObjectCreationOperation creation, SocketSymbols symbols, out IOperation? localEndPoint)
    {
        localEndPoint = null;
        if (!symbols.Is(creation.Type, symbols.TcpClient) || creation.Arguments.Length != 1
            || creation.Constructor?.Parameters[0].Type is not { } parameterType || !symbols.Is(parameterType, symbols.IPEndPoint))
        {
            return false;
        }

        localEndPoint = creation.Arguments[0].Value;
        return SocketValues.IsIPv4AnyEndPoint(localEndPoint, symbols);
    }
}
