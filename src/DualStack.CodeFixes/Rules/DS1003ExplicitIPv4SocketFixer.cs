using System.Collections.Immutable;
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
public sealed class DS1003ExplicitIPv4SocketFixer : CodeFixProvider
{
    private const string Title = "Use a dual-mode Socket(SocketType, ProtocolType)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ExplicitIPv4Socket);

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
            if (!diagnostic.Properties.TryGetValue(SocketFixKinds.Key, out var kind) || kind != SocketFixKinds.DualModeSocket
                || SocketFixSyntax.FindExpression(root, diagnostic) is not { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 3 } list } argument }
                || list.Arguments[0] != argument || !SocketFixSyntax.ArePositional(list))
            {
                continue;
            }

            var arguments = list.Arguments.RemoveAt(0);
            arguments = arguments.Replace(arguments[0], arguments[0].WithLeadingTrivia(argument.GetLeadingTrivia()));
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => SocketFixSyntax.ReplaceAsync(context.Document, list, list.WithArguments(arguments), ct), "DS1003.DualModeSocket"),
                diagnostic);
        }
    }
}
