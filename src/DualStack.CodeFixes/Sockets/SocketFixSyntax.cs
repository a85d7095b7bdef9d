using DualStack.Analyzers.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DualStack.CodeFixes.Sockets;

/// <summary>Syntax helpers shared by the socket and address fixers (DS1001–DS1007, DS1015).</summary>
internal static class SocketFixSyntax
{
    /// <summary>
    /// The expression a socket diagnostic points at and the fix kind its analyzer chose (<see cref="SocketFixKinds"/>),
    /// or null when the analyzer chose none or the expression is not found.
    /// </summary>
    public static async Task<(ExpressionSyntax Reported, string Kind)?> FindFixableAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        return root is not null && diagnostic.Properties.TryGetValue(SocketFixKinds.Key, out var kind) && kind is not null
            && FindExpression(root, diagnostic) is { } reported
            ? (reported, kind)
            : null;
    }

    /// <summary>The expression the diagnostic points at (its exact span), or null.</summary>
    public static ExpressionSyntax? FindExpression(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        while (node is not null && node is not ExpressionSyntax)
        {
            node = node is ArgumentSyntax argument ? argument.Expression : null;
        }

        // FindNode may land on a smaller node that has the same span (for example the name of a member access).
        while (node?.Parent is ExpressionSyntax parent && parent.Span == diagnostic.Location.SourceSpan)
        {
            node = parent;
        }

        return node as ExpressionSyntax;
    }

    /// <summary>A fully qualified type name that the simplifier shortens when a using directive allows it.</summary>
    public static TypeSyntax TypeName(string fullName) =>
        SyntaxFactory.ParseTypeName("global::" + fullName).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary><c>Type.Member</c> with the type qualified for the simplifier.</summary>
    public static MemberAccessExpressionSyntax StaticMember(string typeFullName, string member) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(typeFullName), SyntaxFactory.IdentifierName(member));

    /// <summary>The argument list of a <c>new T(…)</c> or target-typed <c>new(…)</c>.</summary>
    public static ArgumentListSyntax? Arguments(ExpressionSyntax expression) => expression switch
    {
        BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
        _ => null,
    };

    /// <summary>True when no argument of the list is named (the rewrites rely on positions).</summary>
    public static bool ArePositional(ArgumentListSyntax list) =>
        list.Arguments.All(a => a.NameColon is null && a.RefKindKeyword.IsKind(SyntaxKind.None));

    /// <summary>Wraps a replacement so the simplifier drops the parentheses when the context does not need them.</summary>
    public static ExpressionSyntax Parenthesize(ExpressionSyntax expression) =>
        SyntaxFactory.ParenthesizedExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

    public static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode.WithTriviaFrom(oldNode)));
    }
}
