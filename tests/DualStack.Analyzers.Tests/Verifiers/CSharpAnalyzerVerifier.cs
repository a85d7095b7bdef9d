using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests.Verifiers;

/// <summary>Runs one analyzer over markup source (<c>[|…|]</c>, <c>{|DS1001:…|}</c>) against .NET 8 reference assemblies.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, ReferenceAssemblies.Net.Net80, expected);

    public static async Task VerifyAnalyzerAsync(string source, ReferenceAssemblies references, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, ReferenceAssemblies = references };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>The test type, for cases that add AdditionalFiles or editorconfig files.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test() => ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
    }
}
