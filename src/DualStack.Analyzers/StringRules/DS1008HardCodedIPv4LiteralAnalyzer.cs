using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// DS1008: a hard-coded IPv4 literal that reaches a network API (address parsers, URL parsers, HttpClient,
/// gRPC, connect calls, Kestrel URLs). Only strict dotted quads count (not "2", versions are not sinks), and the
/// RFC 5737 documentation ranges, broadcast and multicast (IPv4 by protocol) are exempt. <c>0.0.0.0</c> in a listen
/// URL is left to DS1010, and test projects (referencing xunit, NUnit or MSTest) are skipped. Info: the literal
/// may be deliberate on an IPv4-only deployment.
/// A loopback literal (127.0.0.0/8) gets a message of its own: every pod keeps 127.0.0.1, even on an IPv6-only
/// cluster, so what breaks is a local peer that listens on <c>::1</c> only, or a listener on 127.0.0.1 that local
/// clients look for through <c>localhost</c> or <c>::1</c>. Which of the two applies follows from the sink.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1008HardCodedIPv4LiteralAnalyzer : DiagnosticAnalyzer
{
    // The consequence, the message's third argument.
    private const string NotOnIPv6Only = "it cannot work on an IPv6-only cluster";
    private const string LoopbackExists = "the IPv4 loopback exists in every pod, even on an IPv6-only cluster, but ";
    private const string PeerOnIPv6Loopback = "a local peer listening on the IPv6 loopback (::1) only is unreachable through it";
    private const string ClientsUseIPv6Loopback = "local clients that connect to localhost or ::1 miss a listener bound to it";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1008);

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
            if (IsTestProject(start.Compilation))
            {
                return;
            }

            var literalFiles = new DS1008LiteralFiles();
            start.RegisterOperationAction(c => Analyze(c, symbols, literalFiles), OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }

    /// <summary>
    /// Test projects use fixed addresses on purpose (fixtures, expected values); a project that references a test
    /// framework is not analysed for this rule.
    /// </summary>
    private static bool IsTestProject(Compilation compilation) =>
        compilation.ReferencedAssemblyNames.Any(a => a.Name is "xunit.core" or "xunit.v3.core" or "nunit.framework"
            or "Microsoft.VisualStudio.TestPlatform.TestFramework" or "MSTest.TestFramework");

    private static void Analyze(OperationAnalysisContext context, StringRuleSymbols symbols, DS1008LiteralFiles literalFiles)
    {
        if (!MayBeSink(context.Operation, symbols))
        {
            return;
        }

        foreach (var sink in NetworkSinks.Find(context.Operation, symbols))
        {
            var pieces = literalFiles.MayHoldLiteral(sink.Value) ? StringPieces.From(sink.Value) : null;
            if (pieces is null)
            {
                continue;
            }

            foreach (var host in NetworkSinks.Hosts(pieces.Text, sink.Kind))
            {
                if (!IPv4LiteralText.TryParse(pieces.Text, host.Start, host.Length, out var parsed))
                {
                    continue;
                }

                var address = pieces.Text.Substring(host.Start, host.Length);
                if (IPv4LiteralText.IsExempt(parsed) || (sink.IsListenUrl && parsed.IsUnspecified))
                {
                    continue;
                }

                // A parsed address only compared or ranked never reaches a socket, and the IPv4 branch of a pair
                // with an IPv6 twin is family-aware code. Both checks run only for a literal, which is rare.
                if ((sink.Role == SinkRole.Address && DS1008ParsedAddressUses.OnlyInspected(context.Operation))
                    || DS1008IPv6TwinBranch.HasIPv6Twin(context.Operation))
                {
                    continue;
                }

                var consequence = parsed.IsLoopback ? LoopbackConsequence(sink.Role) : NotOnIPv6Only;
                context.ReportDiagnostic(StringDiagnostics.Create(Descriptors.DS1008, sink.Value, pieces, host.Start, host.Length, address, sink.Name, consequence));
            }
        }
    }

    /// <summary>
    /// The shared one-lookup test, narrowed for <c>Add</c>: of all <c>Add</c> calls (every collection has one) only a
    /// Kestrel URL collection (<c>app.Urls</c>, <c>IServerAddressesFeature.Addresses</c>, a property) is a sink. Every
    /// sink takes its text through a <c>string</c> or <c>string[]</c> parameter, so a call or constructor without one
    /// (most socket, endpoint and address calls: <c>Send(byte[])</c>, <c>new IPEndPoint(address, port)</c>) is left
    /// before its arguments are bound into operations.
    /// </summary>
    private static bool MayBeSink(IOperation operation, StringRuleSymbols symbols) => operation switch
    {
        IInvocationOperation { TargetMethod.Name: "Add" } add => add.Arguments.Length == 1
            && add.Instance?.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "Urls" or "Addresses" },
        IInvocationOperation invocation => TakesText(invocation.TargetMethod) && NetworkSinks.MayBeSink(operation, symbols),
        IObjectCreationOperation { Constructor: { } constructor } => TakesText(constructor) && NetworkSinks.MayBeSink(operation, symbols),
        _ => false,
    };

    private static bool TakesText(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String
                || parameter.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A connect call can only miss a peer on ::1, a listener can only be missed by clients using ::1, and a parsed
    /// address may end up in either.
    /// </summary>
    private static string LoopbackConsequence(SinkRole role) => LoopbackExists + role switch
    {
        SinkRole.Connect => PeerOnIPv6Loopback,
        SinkRole.Listen => ClientsUseIPv6Loopback,
        _ => PeerOnIPv6Loopback + ", and " + ClientsUseIPv6Loopback,
    };
}
