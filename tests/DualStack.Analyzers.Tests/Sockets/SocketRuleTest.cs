using DualStack.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests.Sockets;

/// <summary>
/// Short entry points for the socket and address rule tests (DS1001–DS1007, DS1015): markup source in, diagnostics and
/// fixed code (with Fix All) checked by Microsoft.CodeAnalysis.Testing; optional Kestrel stubs and reference assemblies.
/// </summary>
internal static class SocketRuleTest
{
    public static Task AnalyzeAsync<TAnalyzer>(string source, bool kestrel = false, ReferenceAssemblies? references = null, bool incomplete = false)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
        Configure(test, kestrel, references, incomplete);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task FixAsync<TAnalyzer, TFix>(string source, string fixedSource, bool kestrel = false, ReferenceAssemblies? references = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixVerifier<TAnalyzer, TFix>.Test { TestCode = source, FixedCode = fixedSource };

        // Diagnostics without a fix stay in the fixed code, marked up there like in the source.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        Configure(test, kestrel, references, incomplete: false);
        if (kestrel)
        {
            test.FixedState.Sources.Add(("/0/Kestrel.cs", KestrelStubs.Source));
        }

        return test.RunAsync(CancellationToken.None);
    }

    private static void Configure(AnalyzerTest<DefaultVerifier> test, bool kestrel, ReferenceAssemblies? references, bool incomplete)
    {
        if (kestrel)
        {
            test.TestState.Sources.Add(("/0/Kestrel.cs", KestrelStubs.Source));
        }

        if (references is not null)
        {
            test.ReferenceAssemblies = references;
        }

        if (incomplete)
        {
            // Incomplete code: compiler errors are expected and ignored; only our diagnostics are compared, and an
            // analyzer exception (AD0001) still fails the test.
            test.CompilerDiagnostics = CompilerDiagnostics.None;
        }
    }
}
