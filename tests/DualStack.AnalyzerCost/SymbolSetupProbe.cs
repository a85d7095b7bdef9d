using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.AnalyzerCost;

/// <summary>
/// Runs first in every pass and does only the analyzer driver's compilation's first symbol access: its source
/// assembly, global namespace and core library. Every build pays that once per compilation, and Roslyn charges it to
/// whichever analyzer touches a symbol first in its compilation-start action; without this probe that was DS1008, and
/// DS1008's share of a repository of many small projects was mostly this set-up (SuperSocket: a DS1008 reduced to
/// reading the global namespace and System.String at compilation start cost as much as the whole rule). The report
/// prints the probe's time on a line of its own, in neither set.
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
