using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// DS1008: a hard-coded IPv4 literal that reaches a network API (address parsers, URL parsers, HttpClient,
/// gRPC, connect calls, Kestrel URLs). Only strict dotted quads count (not "2", versions are not sinks), and the
/// RFC 5737 documentation ranges, broadcast and multicast (IPv4 by protocol) are exempt. <c>0.0.0.0</c> in a listen
/// URL is left to DS1010, and test projects (referencing xunit, NUnit or MSTest) are skipped. Info: the literal
/// may be deliberate on an IPv4-only deployment.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedIPv4LiteralAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1008);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = StringRuleSymbols.Create(start.Compilation);
            if ((symbols.IPAddress is null && symbols.Uri is null) || IsTestProject(start.Compilation))
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }

    /// <summary>
    /// Test projects use fixed addresses on purpose (fixtures, expected values); a project that references a test
    /// framework is not analysed for this rule.
    /// </summary>
    private static bool IsTestProject(Compilation compilation) =>
        compilation.ReferencedAssemblyNames.Any(a => a.Name is "xunit.core" or "xunit.v3.core" or "nunit.framework"
            or "Microsoft.VisualStudio.TestPlatform.TestFramework" or "MSTest.TestFramework");

    private static void Analyze(OperationAnalysisContext context, StringRuleSymbols symbols)
    {
        foreach (var sink in NetworkSinks.Find(context.Operation, symbols))
        {
            var pieces = StringPieces.From(sink.Value);
            if (pieces is null)
            {
                continue;
            }

            foreach (var host in NetworkSinks.Hosts(pieces.Text, sink.Kind))
            {
                if (!HostText.IsDottedQuad(pieces.Text, host.Start, host.Length))
                {
                    continue;
                }

                var address = pieces.Text.Substring(host.Start, host.Length);
                if (HostText.IsExemptIPv4(address) || (sink.IsListenUrl && address == ListenUrlAnalyzer.IPv4Wildcard))
                {
                    continue;
                }

                context.ReportDiagnostic(StringDiagnostics.Create(Descriptors.DS1008, sink.Value, pieces, host.Start, host.Length, address, sink.Name));
            }
        }
    }
}
