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
/// members that also handle IPv6. The fix (a dual-mode <c>Socket(SocketType, ProtocolType)</c>) is offered only for a
/// socket that is only connected, and only on .NET Core, where that constructor falls back to IPv4.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1003ExplicitIPv4SocketAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1003);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = SocketSymbols.TryCreate(start.Compilation);
            if (symbols?.AddressFamily is null)
            {
                return;
            }

            // .NET Framework's Socket(SocketType, ProtocolType) is always IPv6 and throws where IPv6 is disabled.
            var dualModeConstructorFallsBack = !symbols.MayRunOnNetFramework;
            start.RegisterOperationBlockStartAction(block =>
            {
                var facts = SocketBlockFacts.Lazy(block.OperationBlocks, symbols);
                block.RegisterOperationAction(c => Analyze(c, symbols, facts, dualModeConstructorFallsBack), OperationKind.ObjectCreation);
            });
        });
    }

    private static void Analyze(OperationAnalysisContext context, SocketSymbols symbols, Lazy<SocketBlockFacts> facts, bool dualModeConstructorFallsBack)
    {
        var creation = (IObjectCreationOperation)context.Operation;
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
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1003, family.Syntax.GetLocation(), properties, "The " + creation.Type!.Name));
    }
}
