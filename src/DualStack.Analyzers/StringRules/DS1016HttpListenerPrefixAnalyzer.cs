using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// DS1016: <c>HttpListener.Prefixes.Add</c> with the <c>*</c> or <c>+</c> host. The managed HttpListener used on
/// Linux and macOS binds <c>IPAddress.Any</c> for those hosts, so the listener never accepts IPv6 connections.
/// There is no local rewrite that fixes it (IPv6 literal prefixes are rejected, dotnet/runtime#34399), so no fix.
/// Windows uses HTTP.sys, which listens on both families, so Windows-only targets are skipped: .NET Framework
/// (HttpListener lives in System.dll there) and <c>-windows</c> target frameworks.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1016HttpListenerPrefixAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1016);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code gets no callbacks (no Analyze flag) and every report lies inside the operation being analyzed,
        // so none can land there; ReportDiagnostics spares Roslyn's per-report generated-code check, which binds the
        // attributes of every declaration of a file on its first report (GeneratedCodeSilenceTests).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (IsWindowsTarget(start.Options))
            {
                return;
            }

            start.RegisterOperationAction(Analyze, OperationKind.Invocation);
        });
    }

    private static readonly KnownType HttpListenerPrefixCollection = new("System.Net.HttpListenerPrefixCollection");

    private static bool IsWindowsTarget(AnalyzerOptions options) =>
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.TargetFramework", out var framework)
        && framework.IndexOf("-windows", StringComparison.OrdinalIgnoreCase) >= 0;

    private static void Analyze(OperationAnalysisContext context)
    {
        // On .NET Framework (the collection in System.dll) HttpListener is http.sys, Windows only, where a '+' or '*'
        // prefix covers both families.
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "Add" || invocation.Arguments.Length != 1
            || !HttpListenerPrefixCollection.Matches(invocation.TargetMethod.ContainingType)
            || invocation.TargetMethod.ContainingType.ContainingAssembly?.Name == "System")
        {
            return;
        }

        var value = invocation.Arguments[0].Value;
        var pieces = StringPieces.From(value);
        if (pieces is null)
        {
            return;
        }

        foreach (var host in HostText.UrlHosts(pieces.Text))
        {
            var c = pieces.Text[host.Start];
            if (host.Length == 1 && (c == '*' || c == '+'))
            {
                var prefix = pieces.Display(host.UrlStart, host.UrlLength);
                context.ReportDiagnostic(StringDiagnostics.Create(Descriptors.DS1016, value, pieces, host.Start, host.Length, prefix));
            }
        }
    }
}
