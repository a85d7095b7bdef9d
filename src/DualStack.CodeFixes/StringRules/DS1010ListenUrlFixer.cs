using System.Composition;
using DualStack.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DualStack.CodeFixes.StringRules;

/// <summary>
/// DS1010: replaces the <c>0.0.0.0</c> host of a listen URL with <c>*</c>, in a C# string literal or in a settings
/// file (an additional document). Safe everywhere: Kestrel binds <c>[::]</c> for <c>*</c> and falls back to
/// <c>0.0.0.0</c> when IPv6 is unavailable. The diagnostic span is exactly the host, so the edit is a text edit.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DS1010ListenUrlFixer), DocumentKinds = [nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument)])]
[Shared]
public sealed class DS1010ListenUrlFixer() : DiagnosticFixer(RuleIds.IPv4WildcardListenUrl)
{
    private const string Title = "Listen on \"*\" (IPv6 and IPv4)";

    protected override async Task<CodeAction?> CreateFixAsync(CodeFixContext context, Diagnostic diagnostic)
    {
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

        return CodeAction.Create(Title, ct => ReplaceAsync(document, span, ct), equivalenceKey: nameof(DS1010ListenUrlFixer));
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

    private static async Task<Solution> ReplaceAsync(TextDocument document, TextSpan span, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var changed = text.WithChanges(new TextChange(span, "*"));
        var solution = document.Project.Solution;
        return document is Document
            ? solution.WithDocumentText(document.Id, changed)
            : solution.WithAdditionalDocumentText(document.Id, changed);
    }
}
