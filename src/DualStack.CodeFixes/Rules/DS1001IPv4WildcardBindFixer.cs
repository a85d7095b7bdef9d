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
public sealed class DS1001IPv4WildcardBindFixer() : DiagnosticFixer(RuleIds.IPv4WildcardBind)
{
    private const string ListenAnyIPTitle = "Use ListenAnyIP(port)";


    protected override async Task<CodeAction?> CreateFixAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        if (await SocketFixSyntax.FindFixableAsync(context, diagnostic).ConfigureAwait(false) is not var (reported, kind))
        {
            return null;
        }

        var document = context.Document;
        if (kind == SocketFixKinds.TcpListenerCreate && TcpListenerCreateRewrite.Match(reported, wholeCreation: false) is var (creation, port))
        {
            return CodeAction.Create(TcpListenerCreateRewrite.Title, ct => TcpListenerCreateRewrite.ApplyAsync(document, creation, port, ct), "DS1001.TcpListenerCreate");
        }

        if (kind == SocketFixKinds.ListenAnyIP && MatchListen(reported) is { } listen)
        {
            return CodeAction.Create(ListenAnyIPTitle, ct => SocketFixSyntax.ReplaceAsync(document, listen.Invocation, listen.Replacement, ct), "DS1001.ListenAnyIP");
        }

        return null;
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
