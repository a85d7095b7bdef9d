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
public sealed class DS1002IPv4DefaultConstructorFixer() : DiagnosticFixer(RuleIds.IPv4DefaultConstructor)
{
    protected override async Task<CodeAction?> CreateFixAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        if (await SocketFixSyntax.FindFixableAsync(context, diagnostic).ConfigureAwait(false) is not var (reported, kind)
            || kind != SocketFixKinds.TcpListenerCreate
            || TcpListenerCreateRewrite.Match(reported, wholeCreation: true) is not var (creation, port))
        {
            return null;
        }

        var document = context.Document;
        return CodeAction.Create(TcpListenerCreateRewrite.Title, ct => TcpListenerCreateRewrite.ApplyAsync(document, creation, port, ct), "DS1002.TcpListenerCreate");
    }
}
