using System.Composition;
using DualStack.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DualStack.CodeFixes.StringRules;

/// <summary>
/// DS1012: rewrites <c>$"{ip}:{port}"</c> (an <c>IPAddress</c> and an <c>int</c>) to
/// <c>new IPEndPoint(ip, port).ToString()</c>, which brackets IPv6 addresses and prints IPv4 ones exactly as before.
/// URLs are left alone: <c>UriBuilder(...).Uri.ToString()</c> appends a '/', so that rewrite needs review.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DS1012HostPortCompositionFixer))]
[Shared]
public sealed class DS1012HostPortCompositionFixer() : DiagnosticFixer(RuleIds.HostPortWithoutBrackets)
{
    private const string Title = "Use IPEndPoint.ToString() (brackets IPv6)";

    protected override async Task<CodeAction?> CreateFixAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var location = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : diagnostic.Location;
        if (location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        var interpolated = node.AncestorsAndSelf().OfType<InterpolatedStringExpressionSyntax>().FirstOrDefault();
        if (interpolated is null || !TryGetAddressAndPort(interpolated, model, context.CancellationToken, out _, out _))
        {
            return null;
        }

        return CodeAction.Create(Title, ct => FixAsync(document, interpolated, ct), equivalenceKey: nameof(DS1012HostPortCompositionFixer));
    }

    private static bool TryGetAddressAndPort(
        InterpolatedStringExpressionSyntax interpolated,
        SemanticModel model,
        CancellationToken cancellationToken,
        out ExpressionSyntax address,
        out ExpressionSyntax port)
    {
        address = null!;
        port = null!;
        var contents = interpolated.Contents;
        if (contents.Count != 3
            || contents[0] is not InterpolationSyntax { AlignmentClause: null, FormatClause: null } first
            || contents[1] is not InterpolatedStringTextSyntax { TextToken.ValueText: ":" }
            || contents[2] is not InterpolationSyntax { AlignmentClause: null, FormatClause: null } last)
        {
            return false;
        }

        var addressType = model.GetTypeInfo(first.Expression, cancellationToken).Type;
        var portType = model.GetTypeInfo(last.Expression, cancellationToken).Type;
        if (addressType?.ToDisplayString() != "System.Net.IPAddress" || portType?.SpecialType != SpecialType.System_Int32)
        {
            return false;
        }

        address = first.Expression;
        port = last.Expression;
        return true;
    }

    private static async Task<Document> FixAsync(Document document, InterpolatedStringExpressionSyntax interpolated, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !TryGetAddressAndPort(interpolated, model, cancellationToken, out var address, out var port))
        {
            return document;
        }

        var endPointType = ParseTypeName("System.Net.IPEndPoint").WithAdditionalAnnotations(Simplifier.Annotation);
        var creation = ObjectCreationExpression(
            Token(SyntaxKind.NewKeyword).WithTrailingTrivia(Space),
            endPointType,
            ArgumentList(SeparatedList(new[] { Argument(address.WithoutTrivia()), Argument(port.WithoutTrivia()) })),
            initializer: null);
        var replacement = InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, creation, IdentifierName("ToString")))
            .WithTriviaFrom(interpolated);
        return document.WithSyntaxRoot(root.ReplaceNode(interpolated, replacement));
    }
}
