using DualStack.Analyzers.Tests.Stubs;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests.Verifiers;

/// <summary>
/// Verifier for the string and URL rules: adds the hosting/gRPC stubs as a second source file, and optional
/// AdditionalFiles (settings JSON) with markup. Code-fix runs check Fix All as the framework does by default.
/// </summary>
internal static class StringRuleVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, [], expected);

    public static async Task VerifyAsync(string source, (string Path, string Text)[] additionalFiles, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(("Stubs.cs", StringRuleStubs.Source));
        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Incomplete code: compiler errors are expected and ignored; only our diagnostics (and no AD0001) count.</summary>
    public static async Task VerifyIncompleteAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(("Stubs.cs", StringRuleStubs.Source));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyFixAsync<TCodeFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TCodeFix : CodeFixProvider, new() =>
        VerifyFixAsync<TCodeFix>(source, fixedSource, [], [], expected);

    public static async Task VerifyFixAsync<TCodeFix>(
        string source,
        string fixedSource,
        (string Path, string Text)[] additionalFiles,
        (string Path, string Text)[] fixedAdditionalFiles,
        params DiagnosticResult[] expected)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(("Stubs.cs", StringRuleStubs.Source));
        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Text));
        }

        // Markup in the fixed source marks diagnostics that stay (no safe fix for that shape).
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add(("Stubs.cs", StringRuleStubs.Source));
        foreach (var file in fixedAdditionalFiles)
        {
            test.FixedState.AdditionalFiles.Add((file.Path, file.Text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);
}
