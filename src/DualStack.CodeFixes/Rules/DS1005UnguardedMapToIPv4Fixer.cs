using System.Collections.Immutable;
using System.Composition;
using DualStack.Analyzers.Sockets;
using DualStack.CodeFixes.Sockets;
using DualStack.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DualStack.CodeFixes.Rules;

/// <summary>
/// DS1005 fix: <c>a.MapToIPv4()</c> → <c>a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a</c>. Identical for IPv4-mapped and
/// IPv4 addresses; native IPv6 addresses are kept instead of being truncated.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DS1005UnguardedMapToIPv4Fixer)), Shared]
public sealed class DS1005UnguardedMapToIPv4Fixer : CodeFixProvider
{
    private const string Title = "Map only IPv4-mapped addresses";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnguardedMapToIPv4);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SocketFixKinds.Key, out var kind) || kind != SocketFixKinds.GuardMapToIPv4
                || SocketFixSyntax.FindExpression(root, diagnostic) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
            {
                continue;
            }

            var receiver = access.Expression.WithoutTrivia();
            var guarded = SocketFixSyntax.Parenthesize(SyntaxFactory.ConditionalExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("IsIPv4MappedToIPv6")),
                invocation.WithoutTrivia(),
                receiver));
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => SocketFixSyntax.ReplaceAsync(context.Document, invocation, guarded, ct), "DS1005.GuardMapToIPv4"),
                diagnostic);
        }
    }
}
