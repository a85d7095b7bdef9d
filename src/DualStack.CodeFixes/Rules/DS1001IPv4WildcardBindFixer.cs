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
/// DS1001 fixes: <c>new TcpListener(IPAddress.Any, p)</c> → <c>TcpListener.Create(p)</c>, and Kestrel
/// <c>Listen(IPAddress.Any, p[, c])</c> / <c>Listen(new IPEndPoint(IPAddress.Any, p)[, c])</c> → <c>ListenAnyIP(p[, c])</c>.
/// Both fall back to IPv4 on hosts without IPv6. Socket.Bind and UdpClient get no fix: they need a guarded dual-mode
/// socket, and remote endpoints would then arrive as IPv4-mapped addresses.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DS1001IPv4WildcardBindFixer)), Shared]
public sealed class DS1001IPv4WildcardBindFixer : CodeFixProvider
{
    private const string ListenAnyIPTitle = "Use ListenAnyIP(port)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IPv4WildcardBind);

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

            if (kind == SocketFixKinds.TcpListenerCreate && TcpListenerCreateRewrite.Match(reported, wholeCreation: false) is var (creation, port))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(TcpListenerCreateRewrite.Title, ct => TcpListenerCreateRewrite.ApplyAsync(context.Document, creation, port, ct), "DS1001.TcpListenerCreate"),
                    diagnostic);
            }
            else if (kind == SocketFixKinds.ListenAnyIP && MatchListen(reported) is { } listen)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(ListenAnyIPTitle, ct => SocketFixSyntax.ReplaceAsync(context.Document, listen.Invocation, listen.Replacement, ct), "DS1001.ListenAnyIP"),
                    diagnostic);
            }
        }
    }

    private static (InvocationExpressionSyntax Invocation, InvocationExpressionSyntax Replacement)? MatchListen(ExpressionSyntax reported)
    {
        if (reported.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list }
            || invocation.Expression is not MemberAccessExpressionSyntax access || !SocketFixSyntax.ArePositional(list) || list.Arguments[0].Expression != reported)
        {
            return null;
        }

        SeparatedSyntaxList<ArgumentSyntax> arguments;
        if (SocketFixSyntax.Arguments(reported) is { } endpoint)
        {
            // Listen(new IPEndPoint(IPAddress.Any, p)[, c]) → ListenAnyIP(p[, c])
            if (endpoint.Arguments.Count != 2 || !SocketFixSyntax.ArePositional(endpoint))
            {
                return null;
            }

            arguments = list.Arguments.Replace(list.Arguments[0], list.Arguments[0].WithExpression(endpoint.Arguments[1].Expression.WithoutTrivia()));
        }
        else if (list.Arguments.Count >= 2)
        {
            // Listen(IPAddress.Any, p[, c]) → ListenAnyIP(p[, c])
            arguments = list.Arguments.RemoveAt(0);
            arguments = arguments.Replace(arguments[0], arguments[0].WithoutLeadingTrivia());
        }
        else
        {
            return null;
        }

        var replacement = invocation
            .WithExpression(access.WithName(SyntaxFactory.IdentifierName("ListenAnyIP").WithTriviaFrom(access.Name)))
            .WithArgumentList(list.WithArguments(arguments));
        return (invocation, replacement);
    }
}
