using System.Composition;
using DualStack.Analyzers.Sockets;
using DualStack.CodeFixes.Sockets;
using DualStack.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DualStack.CodeFixes.Rules;

/// <summary>
/// DS1003 fix: <c>new Socket(AddressFamily.InterNetwork, type, protocol)</c> → <c>new Socket(type, protocol)</c>, a
/// dual-mode socket on .NET Core that falls back to IPv4 where IPv6 is unavailable. Offered only when the analyzer saw
/// the socket used for nothing but connecting and exchanging data.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DS1003ExplicitIPv4SocketFixer)), Shared]
public sealed class DS1003ExplicitIPv4SocketFixer() : DiagnosticFixer(RuleIds.ExplicitIPv4Socket)
{
    private const string Title = "Use a dual-mode Socket(SocketType, ProtocolType)";

    protected override async Task<CodeAction?> CreateFixAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        if (await SocketFixSyntax.FindFixableAsync(context, diagnostic).ConfigureAwait(false) is not var (reported, kind)
            || kind != SocketFixKinds.DualModeSocket
            || reported is not { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 3 } list } argument }
            || list.Arguments[0] != argument || !SocketFixSyntax.ArePositional(list))
        {
            return null;
        }

        var arguments = list.Arguments.RemoveAt(0);
        arguments = arguments.Replace(arguments[0], arguments[0].WithLeadingTrivia(argument.GetLeadingTrivia()));
        var document = context.Document;
        return CodeAction.Create(Title, ct => SocketFixSyntax.ReplaceAsync(document, list, list.WithArguments(arguments), ct), "DS1003.DualModeSocket");
    }
}
