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
using Microsoft.CodeAnalysis.Formatting;

namespace DualStack.CodeFixes.Rules;

/// <summary>
/// DS1015 fix: guard the IPv6 requirement with <c>Socket.OSSupportsIPv6</c>. An IPv6 value becomes
/// <c>Socket.OSSupportsIPv6 ? value : IPv4 value</c> (InterNetwork, IPAddress.Any); <c>s.DualMode = true;</c> becomes
/// <c>if (Socket.OSSupportsIPv6) { s.DualMode = true; }</c>. IPv6-capable hosts keep the exact behaviour.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DS1015IPv6WithoutFallbackFixer)), Shared]
public sealed class DS1015IPv6WithoutFallbackFixer() : DiagnosticFixer(RuleIds.IPv6WithoutFallback)
{
    private const string Title = "Guard with Socket.OSSupportsIPv6";

    protected override async Task<CodeAction?> CreateFixAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        if (await SocketFixSyntax.FindFixableAsync(context, diagnostic).ConfigureAwait(false) is not var (reported, kind))
        {
            return null;
        }

        var document = context.Document;
        if (kind == SocketFixKinds.OSSupportsIPv6Conditional
            && diagnostic.Properties.TryGetValue(DS1015IPv6WithoutFallbackAnalyzer.FallbackTypeKey, out var type) && type is not null
            && diagnostic.Properties.TryGetValue(DS1015IPv6WithoutFallbackAnalyzer.FallbackMemberKey, out var member) && member is not null)
        {
            var guarded = SocketFixSyntax.Parenthesize(SyntaxFactory.ConditionalExpression(
                OSSupportsIPv6(), reported.WithoutTrivia(), SocketFixSyntax.StaticMember(type, member)));
            return CodeAction.Create(Title, ct => SocketFixSyntax.ReplaceAsync(document, reported, guarded, ct), "DS1015.OSSupportsIPv6");
        }

        if (kind == SocketFixKinds.OSSupportsIPv6Statement && reported.Parent is ExpressionStatementSyntax statement
            && statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
        {
            var guarded = SyntaxFactory.IfStatement(OSSupportsIPv6(), SyntaxFactory.Block(statement.WithoutTrivia()))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return CodeAction.Create(Title, ct => SocketFixSyntax.ReplaceAsync(document, statement, guarded, ct), "DS1015.OSSupportsIPv6");
        }

        return null;
    }

    private static ExpressionSyntax OSSupportsIPv6() => SocketFixSyntax.StaticMember("System.Net.Sockets.Socket", "OSSupportsIPv6");
}
