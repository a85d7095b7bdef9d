using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.AnalyzerCost;

/// <summary>
/// Runs first in every pass and does only a first symbol access on the analyzer driver's compilation (its source
/// assembly, global namespace and core library), which every build pays once per compilation and Roslyn charges to
/// whichever analyzer touches a symbol first. The report prints the probe's time on a line of its own, in neither set.
/// What it absorbs varies (SuperSocket, run f1: 0.31 s in one set's passes, 0.002 s in the others), and it does not
/// absorb all per-compilation set-up: a DS1008 reduced to that same access at compilation start still cost as much
/// as the whole rule (0.21 s vs 0.16 s over 14 projects). Small repositories' per-analyzer shares keep such costs.
/// </summary>
// A measurement aid loaded by this tool only, never by a compiler: the rules for shipped analyzers (target framework,
// release tracking, extended rules, a start action that registers nothing else) do not apply.
#pragma warning disable RS1041, RS1036, RS2008, RS1012
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SymbolSetupProbe : DiagnosticAnalyzer
{
    public const string Name = "compilation symbol set-up (first symbol access)";

    private static readonly DiagnosticDescriptor NeverReported = new(
        "COST0001", "Never reported", "Never reported", "Measurement", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [NeverReported];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            _ = start.Compilation.GetSpecialType(SpecialType.System_Object);
            _ = start.Compilation.Assembly.GlobalNamespace.GetMembers();
        });
    }
}
#pragma warning restore RS1041, RS1036, RS2008, RS1012
