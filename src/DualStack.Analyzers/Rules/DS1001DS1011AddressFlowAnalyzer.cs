using System.Collections.Immutable;
using DualStack.Analyzers.Flow;
using DualStack.Analyzers.Sockets;
using DualStack.Analyzers.StringRules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.Analyzers.Rules;

/// <summary>
/// DS1001 and DS1011 across members: the IPv4 wildcard, or the first DNS answer, stored in a field, property,
/// options object, parameter, local or method result that a bind (or connect) call reads somewhere else in the
/// compilation. Reported where the value is written (the default, the assignment), naming the carrier and the sink.
/// <para>
/// Design: a summary of our own (<see cref="AddressFlowSummary"/>) rather than the dataflow framework of
/// Microsoft.CodeAnalysis.AnalyzerUtilities. The facts needed are few and flow-insensitive (which value is stored
/// where, which carrier is copied where, which carrier a socket call reads), so one pass of narrow operation actions
/// and one walk at compilation end find them; the framework's per-method CFG and points-to analysis costs far more
/// per member, is interprocedural only within a call chain rather than through fields written in one type and read
/// in another, and adds a large dependency to an analyzer that must load in every build.
/// </para>
/// <para>
/// Severity follows the evidence: Warning when the value provably reaches the sink through the summary; Info when
/// the only evidence is a name (a carrier called ListenAddress, BindEndPoint, or a parameter of a method named
/// Bind or Listen). The findings come at compilation end, so the IDE shows them in full-solution analysis and every
/// build shows them; the inline and single-member forms stay with the live DS1001 and DS1011 analyzers.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1001DS1011AddressFlowAnalyzer : DiagnosticAnalyzer
{
    // Two descriptors per rule: chains within one type are reported at the type's symbol end, which the IDE runs per
    // document, so their descriptor has no CompilationEnd tag; the chains across types are reported at compilation
    // end with the tagged one (the IDE shows those in full-solution analysis).
    internal static readonly DiagnosticDescriptor WildcardWithinType = Descriptors.DS1001;
    internal static readonly DiagnosticDescriptor FirstDnsAnswerWithinType = Descriptors.DS1011;
    internal static readonly DiagnosticDescriptor WildcardAcrossMembers = Descriptors.ForCompilationEnd(Descriptors.DS1001);
    internal static readonly DiagnosticDescriptor FirstDnsAnswerAcrossMembers = Descriptors.ForCompilationEnd(Descriptors.DS1011);

    private const string BindAdvice =
        "Default to IPAddress.IPv6Any on a socket with DualMode = true, guarded by Socket.OSSupportsIPv6, or bind both families.";

    private const int MaxNameHops = 4;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(WildcardWithinType, FirstDnsAnswerWithinType, WildcardAcrossMembers, FirstDnsAnswerAcrossMembers);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is not analyzed (no callbacks for generated files or [GeneratedCode] types), so no origin is
        // ever collected there and no finding can land there. Turning off the driver's own per-report check as well
        // saves what it costs: on the first report in a file it binds the attributes of every declaration in that
        // file, which measured at 10-100 ms per compilation, most of this analyzer's time on real repositories.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            // A compilation that spells no address origin has nothing to report: one read of its text, no callbacks.
            if (!AddressOriginText.MayContainOrigin(start.Compilation, start.CancellationToken))
            {
                return;
            }

            var symbols = SocketSymbols.For(start.Compilation);
            var summary = new AddressFlowSummary(new VirtualDispatch(start.Compilation, symbols));
            var collector = new AddressFlowCollector(symbols, start.Compilation.Assembly, summary);

            // Facts are collected per named type, so that a chain whose value and sink are both in one type is
            // reported at that type's symbol end: the IDE runs that per document, as the user types. Each operation
            // reaches the innermost type's actions only (nested types have their own), and every fact is passed on
            // to the compilation's summary for the chains that cross types, reported at compilation end.
            start.RegisterSymbolStartAction(
                typeStart =>
                {
                    if (typeStart.Symbol is INamedTypeSymbol { TypeKind: TypeKind.Enum or TypeKind.Delegate })
                    {
                        return;
                    }

                    var typeSummary = new AddressFlowSummary(summary);
                    typeStart.RegisterOperationAction(collector.ForType(typeSummary).OnOperation, AddressFlowCollector.OperationKinds);
                    typeStart.RegisterSymbolEndAction(end => ReportWithinType(end, typeSummary));
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => Report(end, summary));
        });
    }

    /// <summary>
    /// The chains a type's own members prove: the value written and the bind (or connect) that reads it are both in
    /// this type. Only Warnings: a name-based Info, or no finding, can still change once the rest of the compilation
    /// is known (a sink in another type), so those wait for compilation end.
    /// </summary>
    private static void ReportWithinType(SymbolAnalysisContext context, AddressFlowSummary typeSummary)
    {
        if (!typeSummary.HasOrigins)
        {
            return;
        }

        foreach (var origin in typeSummary.Origins)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (origin.Kind == AddressOriginKind.IPv4Wildcard)
            {
                if (typeSummary.SinkOf(origin.Carrier, AddressSinkKind.Bind) is { } sink)
                {
                    origin.MarkReportedWithinType();
                    context.ReportDiagnostic(Diagnostic.Create(
                        WildcardWithinType, origin.Location, DiagnosticSeverity.Warning, null, null,
                        origin.Text + " (" + Path(origin.Carrier, sink) + ")", BindAdvice));
                }
            }
            else if ((typeSummary.SinkOf(origin.Carrier, AddressSinkKind.Connect) ?? typeSummary.SinkOf(origin.Carrier, AddressSinkKind.Bind)) is { } sink)
            {
                origin.MarkReportedWithinType();
                context.ReportDiagnostic(Diagnostic.Create(
                    FirstDnsAnswerWithinType, origin.Location, DiagnosticSeverity.Warning, null, null,
                    "'" + origin.Text + "' (" + Path(origin.Carrier, sink) + ")"));
            }
        }
    }

    private static void Report(CompilationAnalysisContext context, AddressFlowSummary summary)
    {
        foreach (var origin in summary.Origins)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (origin.ReportedWithinType)
            {
                continue;
            }

            if (origin.Kind == AddressOriginKind.IPv4Wildcard)
            {
                ReportWildcard(context, summary, origin);
            }
            else if ((summary.SinkOf(origin.Carrier, AddressSinkKind.Connect) ?? summary.SinkOf(origin.Carrier, AddressSinkKind.Bind)) is { } sink)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    FirstDnsAnswerAcrossMembers, origin.Location, DiagnosticSeverity.Warning, null, null,
                    "'" + origin.Text + "' (" + Path(origin.Carrier, sink) + ")"));
            }
            else if (origin.ReportedWithoutSink)
            {
                // The endpoint made from the answer left the member and reaches no connect or bind the flow can see:
                // the member-local analyzer's Info, reported here because that analyzer leaves this shape to the flow.
                context.ReportDiagnostic(Diagnostic.Create(
                    FirstDnsAnswerAcrossMembers, origin.Location, DiagnosticSeverity.Info, null, null, "'" + origin.Text + "'"));
            }
        }
    }

    private static void ReportWildcard(CompilationAnalysisContext context, AddressFlowSummary summary, AddressOrigin origin)
    {
        if (summary.SinkOf(origin.Carrier, AddressSinkKind.Bind) is { } sink)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                WildcardAcrossMembers, origin.Location, DiagnosticSeverity.Warning, null, null,
                origin.Text + " (" + Path(origin.Carrier, sink) + ")", BindAdvice));
            return;
        }

        if (summary.ReachesBroadcastBind(origin.Carrier))
        {
            // The value is bound by a broadcast or multicast listener (LAN discovery): IPv4 by protocol.
            return;
        }

        if (ListenNames.NamesIPv6(origin.Carrier) && summary.FamilyAwareBindSinkOf(origin.Carrier) is { } v6Sink)
        {
            // A two-listener design binds this slot on the IPv6 socket: the IPv4 wildcard there provably breaks it.
            context.ReportDiagnostic(Diagnostic.Create(
                WildcardAcrossMembers, origin.Location, DiagnosticSeverity.Warning, null, null,
                origin.Text + " (" + Path(origin.Carrier, v6Sink) + ", the IPv6 listener's address)", BindAdvice));
            return;
        }

        if (ListenNames.NamesIPv6(origin.Carrier))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                WildcardAcrossMembers, origin.Location, DiagnosticSeverity.Info, null, null,
                origin.Text + " (" + Stored(origin.Carrier) + ", named as the IPv6 address)", BindAdvice));
            return;
        }

        if (NamedListenCarrier(summary, origin.Carrier) is { } named)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                WildcardAcrossMembers, origin.Location, DiagnosticSeverity.Info, null, null,
                origin.Text + " (" + Stored(origin.Carrier)
                + (SymbolEqualityComparer.Default.Equals(named, origin.Carrier) ? "" : ", then " + Stored(named))
                + ", named as a listen address)",
                BindAdvice));
        }
    }

    /// <summary>"stored in 'Options.Address', which Socket.Bind in 'Server.Start' reads" (the first hop and the sink).</summary>
    private static string Path(ISymbol carrier, AddressSink sink) => Stored(carrier) + ", which " + sink.Description + " reads";

    private static string Stored(ISymbol carrier) => carrier switch
    {
        IParameterSymbol parameter => "passed to parameter '" + parameter.Name + "' of '" + parameter.ContainingSymbol.ContainingType?.Name + "." + parameter.ContainingSymbol.Name + "'",
        IMethodSymbol method => "returned by '" + method.ContainingType?.Name + "." + method.Name + "'",
        ILocalSymbol local => "stored in '" + local.Name + "'",
        _ => "stored in '" + carrier.ContainingType?.Name + "." + carrier.Name + "'",
    };

    /// <summary>
    /// The nearest carrier the value reaches, within a few copies, that is named as a listen or bind address. Copies
    /// arrive in any order, so among equally near ones the message picks the first by its wording: the same every build.
    /// </summary>
    private static ISymbol? NamedListenCarrier(AddressFlowSummary summary, ISymbol start)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { start };
        var frontier = new List<ISymbol> { start };
        for (var hop = 0; hop <= MaxNameHops && frontier.Count > 0; hop++)
        {
            ISymbol? named = null;
            foreach (var carrier in frontier)
            {
                if (ListenNames.NamesListenAddress(carrier)
                    && (named is null || string.CompareOrdinal(Stored(carrier), Stored(named)) < 0))
                {
                    named = carrier;
                }
            }

            if (named is not null)
            {
                return named;
            }

            var next = new List<ISymbol>();
            foreach (var carrier in frontier)
            {
                foreach (var target in summary.TargetsOf(carrier))
                {
                    if (seen.Add(target))
                    {
                        next.Add(target);
                    }
                }
            }

            frontier = next;
        }

        return null;
    }
}
