using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DualStack.Analyzers.Tests.Verifiers;

/// <summary>
/// Applies a fixer to diagnostics reported in an additional (non-C#) file. Microsoft.CodeAnalysis.Testing 1.1.4
/// only applies fixes to source documents, and Roslyn 4.8's Fix All works on source documents only, so this
/// runner re-analyses and applies the first fix until no diagnostic is left (failing if that does not converge).
/// </summary>
internal static class AdditionalFileFixRunner
{
    public static async Task<string> FixAllOneByOneAsync<TAnalyzer, TCodeFix>(string path, string text)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Test", LanguageNames.CSharp);
        var documentId = DocumentId.CreateNewId(project.Id);
        var solution = project.Solution
            .AddDocument(DocumentId.CreateNewId(project.Id), "Test0.cs", SourceText.From("class C { }"))
            .AddAdditionalDocument(documentId, Path.GetFileName(path), SourceText.From(text), filePath: path);
        var fixer = new TCodeFix();

        for (var iteration = 0; iteration < 20; iteration++)
        {
            var document = solution.GetAdditionalDocument(documentId)!;
            var compilation = (await document.Project.GetCompilationAsync())!;
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), document.Project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync();
            var fixable = diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start).ToList();
            if (fixable.Count == 0)
            {
                return (await document.GetTextAsync()).ToString();
            }

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, fixable[0], (action, _) => actions.Add(action), CancellationToken.None);
            await fixer.RegisterCodeFixesAsync(context);
            Assert.NotEmpty(actions);
            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        throw new Xunit.Sdk.XunitException("The fixes did not converge.");
    }
}
