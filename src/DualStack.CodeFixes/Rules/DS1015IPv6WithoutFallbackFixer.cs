using System.Collections.Immutable;
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
public sealed class DS1015IPv6WithoutFallbackFixer : CodeFixProvider
{
    private const string Title = "Guard with Socket.OSSupportsIPv6";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IPv6WithoutFallback);

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
            if (!diagnostic.Properties.TryGetValue(SocketFixKinds.Key, out var kind) || SocketFixSyntax.FindExpression(root, diagnostic) is not { } reported)
            {
                continue;
            }

            if (kind == SocketFixKinds.OSSupportsIPv6Conditional
                && diagnostic.Properties.TryGetValue(DS1015IPv6WithoutFallbackAnalyzer.FallbackTypeKey, out var type) && type is not null
                && diagnostic.Properties.TryGetValue(DS1015IPv6WithoutFallbackAnalyzer.FallbackMemberKey, out var member) && member is not null)
            {
                var guarded = SocketFixSyntax.Parenthesize(SyntaxFactory.ConditionalExpression(
                    OSSupportsIPv6(), reported.WithoutTrivia(), SocketFixSyntax.StaticMember(type, member)));
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => SocketFixSyntax.ReplaceAsync(context.Document, reported, guarded, ct), "DS1015.OSSupportsIPv6"),
                    diagnostic);
            }
            else if (kind == SocketFixKinds.OSSupportsIPv6Statement && reported.Parent is ExpressionStatementSyntax statement
                && statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
            {
                var guarded = SyntaxFactory.IfStatement(OSSupportsIPv6(), SyntaxFactory.Block(statement.WithoutTrivia()))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => SocketFixSyntax.ReplaceAsync(context.Document, statement, guarded, ct), "DS1015.OSSupportsIPv6"),
                    diagnostic);
            }
        }
    }

    private static ExpressionSyntax OSSupportsIPv6() => SocketFixSyntax.StaticMember("System.Net.Sockets.Socket", "OSSupportsIPv6");
}
