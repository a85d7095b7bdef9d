using System.Composition;
using DualStack.Analyzers.Rules;
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
/// DS1007 fix: a comparison with <c>IPAddress.Loopback</c> → <c>IPAddress.IsLoopback(x)</c> (negated for <c>!=</c>).
/// It widens the match to 127/8, <c>::1</c> and <c>::ffff:127.0.0.1</c>. Where the operand may be null the analyzer
/// asks for <c>x != null &amp;&amp; IPAddress.IsLoopback(x)</c>, because IsLoopback throws on null.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DS1007LoopbackComparisonFixer)), Shared]
public sealed class DS1007LoopbackComparisonFixer() : DiagnosticFixer(RuleIds.LoopbackComparisonMissesIPv6)
{
    private const string Title = "Use IPAddress.IsLoopback";

    protected override async Task<CodeAction?> CreateFixAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        if (await SocketFixSyntax.FindFixableAsync(context, diagnostic).ConfigureAwait(false) is not var (comparison, kind)
            || kind is not (SocketFixKinds.IsLoopback or SocketFixKinds.IsLoopbackNullChecked)
            || !properties.TryGetValue(DS1007LoopbackComparisonAnalyzer.ConstantOperandKey, out var index)
            || OtherOperand(comparison, index == "0") is not { } operand)
        {
            return null;
        }

        var replacement = Rewrite(operand.WithoutTrivia(), kind == SocketFixKinds.IsLoopbackNullChecked, properties.ContainsKey(DS1007LoopbackComparisonAnalyzer.NegatedKey));
        var document = context.Document;
        return CodeAction.Create(Title, ct => SocketFixSyntax.ReplaceAsync(document, comparison, replacement, ct), "DS1007.IsLoopback");
    }

    /// <summary>The operand that is not the constant, for <c>x.Equals(c)</c>, <c>Equals(x, c)</c> and <c>x == c</c>.</summary>
    private static ExpressionSyntax? OtherOperand(ExpressionSyntax comparison, bool constantFirst) => comparison switch
    {
        BinaryExpressionSyntax binary => constantFirst ? binary.Right : binary.Left,
        InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } arguments } => arguments[constantFirst ? 1 : 0].Expression,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: { Count: 1 } arguments } =>
            constantFirst ? arguments[0].Expression : access.Expression,
        _ => null,
    };

    private static ExpressionSyntax Rewrite(ExpressionSyntax operand, bool nullChecked, bool negated)
    {
        ExpressionSyntax isLoopback = SyntaxFactory.InvocationExpression(
            SocketFixSyntax.StaticMember("System.Net.IPAddress", "IsLoopback"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(operand))));
        var nullLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression);
        if (negated)
        {
            isLoopback = SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, isLoopback);
            return nullChecked
                ? SocketFixSyntax.Parenthesize(SyntaxFactory.BinaryExpression(SyntaxKind.LogicalOrExpression,
                    SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, operand, nullLiteral), isLoopback))
                : isLoopback;
        }

        return nullChecked
            ? SocketFixSyntax.Parenthesize(SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression,
                SyntaxFactory.BinaryExpression(SyntaxKind.NotEqualsExpression, operand, nullLiteral), isLoopback))
            : isLoopback;
    }
}
