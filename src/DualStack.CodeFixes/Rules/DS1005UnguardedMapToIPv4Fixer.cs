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
public sealed class DS1005UnguardedMapToIPv4Fixer() : DiagnosticFixer(RuleIds.UnguardedMapToIPv4)
{
    private const string Title = "Map only IPv4-mapped addresses";

    protected override async Task<CodeAction?> CreateFixAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        if (await SocketFixSyntax.FindFixableAsync(context, diagnostic).ConfigureAwait(false) is not var (reported, kind)
            || kind != SocketFixKinds.GuardMapToIPv4
            || reported is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            return null;
        }

        var receiver = access.Expression.WithoutTrivia();
        var guarded = SocketFixSyntax.Parenthesize(SyntaxFactory.ConditionalExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("IsIPv4MappedToIPv6")),
            invocation.WithoutTrivia(),
            receiver));
        var document = context.Document;
        return CodeAction.Create(Title, ct => SocketFixSyntax.ReplaceAsync(document, invocation, guarded, ct), "DS1005.GuardMapToIPv4");
    }
}
