using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests.Rules;

/// <summary>What the cross-member flow analyzer's test classes share: running it on one source, and its DS1001 finding.</summary>
internal static class AddressFlowTesting
{
    public const string BindAdvice =
        "Default to IPAddress.IPv6Any on a socket with DualMode = true, guarded by Socket.OSSupportsIPv6, or bind both families.";

    public static Task Analyze(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<DS1001DS1011AddressFlowAnalyzer>.Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The DS1001 finding at location 0 of the source, with this severity and first message argument.</summary>
    public static DiagnosticResult Wildcard(DiagnosticSeverity severity, string what) =>
        new DiagnosticResult("DS1001", severity).WithLocation(0).WithArguments(what, BindAdvice);
}
