using System.Composition;
using DualStack.Analyzers.StringRules;
using DualStack.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DualStack.CodeFixes.StringRules;

/// <summary>
/// DS1010: replaces the <c>0.0.0.0</c> host of a listen URL with the host the engine's listen-URL model gives
/// (<c>DualStack.Rules.Listening.ListenFix</c>: <c>*</c> for Kestrel), in a C# string literal or in a settings file
/// (an additional document). The analyzer passes that host in the diagnostic only when the model says it keeps an
/// IPv4 fallback, so the manifest fix (DS2030) and this one always agree. The diagnostic span is exactly the host.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DS1010ListenUrlFixer), DocumentKinds = [nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument)])]
[Shared]
public sealed class DS1010ListenUrlFixer() : DiagnosticFixer(RuleIds.IPv4WildcardListenUrl)
{
    protected override async Task<CodeAction?> CreateFixAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DS1010ListenUrlAnalyzer.FixHostProperty, out var host) || string.IsNullOrEmpty(host))
        {
            return null;
        }

        var document = context.TextDocument;
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);

        // A URL written in a local's initializer is reported at its use; the host is the additional location.
        var span = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0].SourceSpan : diagnostic.Location.SourceSpan;
        if (span.End > text.Length || text.ToString(span) != "0.0.0.0")
        {
            return null;
        }

        if (document is Document csharp && !await IsInsideStringTextAsync(csharp, span, context.CancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return CodeAction.Create(
            "Listen on \"" + host + "\" (IPv6 and IPv4)", ct => ReplaceAsync(document, span, host!, ct), equivalenceKey: nameof(DS1010ListenUrlFixer));
    }

    private static async Task<bool> IsInsideStringTextAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return false;
        }

        var token = root.FindToken(span.Start);
        return token.Span.Contains(span)
            && (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken)
                || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken));
    }

    private static async Task<Solution> ReplaceAsync(TextDocument document, TextSpan span, string host, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var changed = text.WithChanges(new TextChange(span, host));
        var solution = document.Project.Solution;
        return document is Document
            ? solution.WithDocumentText(document.Id, changed)
            : solution.WithAdditionalDocumentText(document.Id, changed);
    }
}
