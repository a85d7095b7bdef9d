using System.Collections.Immutable;
using System.Composition;
using DualStack.Analyzers.Sockets;
using DualStack.CodeFixes.Sockets;
using DualStack.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DualStack.CodeFixes.Rules;

/// <summary>
/// DS1002 fix: <c>new TcpListener(port)</c> → <c>TcpListener.Create(port)</c>. The UdpClient and TcpClient cases get
/// no fix: a dual-mode UDP socket changes the remote endpoints it reports and breaks IPv4 multicast joins.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DS1002IPv4DefaultConstructorFixer)), Shared]
public sealed class DS1002IPv4DefaultConstructorFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IPv4DefaultConstructor);

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
            if (diagnostic.Properties.TryGetValue(SocketFixKinds.Key, out var kind) && kind == SocketFixKinds.TcpListenerCreate
                && SocketFixSyntax.FindExpression(root, diagnostic) is { } reported
                && TcpListenerCreateRewrite.Match(reported, wholeCreation: true) is var (creation, port))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(TcpListenerCreateRewrite.Title, ct => TcpListenerCreateRewrite.ApplyAsync(context.Document, creation, port, ct), "DS1002.TcpListenerCreate"),
                    diagnostic);
            }
        }
    }
}
