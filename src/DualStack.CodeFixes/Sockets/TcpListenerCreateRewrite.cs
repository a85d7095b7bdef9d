using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DualStack.CodeFixes.Sockets;

/// <summary>
/// Rewrites <c>new TcpListener(IPAddress.Any, p)</c>, <c>new TcpListener(new IPEndPoint(IPAddress.Any, p))</c> and
/// <c>new TcpListener(p)</c> to <c>TcpListener.Create(p)</c>, which binds IPv6Any with DualMode when the OS supports
/// IPv6 and IPAddress.Any otherwise: the same interfaces on IPv4-only hosts, both families elsewhere.
/// </summary>
internal static class TcpListenerCreateRewrite
{
    public const string Title = "Use TcpListener.Create(port)";

    /// <summary>The <c>new TcpListener(…)</c> and the port expression, or null when the shape is not recognised.</summary>
    /// <param name="reported">The reported expression: an argument of the creation (DS1001) or the whole creation (DS1002).</param>
    /// <param name="wholeCreation">True when <paramref name="reported"/> is the creation itself.</param>
    public static (BaseObjectCreationExpressionSyntax Creation, ExpressionSyntax Port)? Match(ExpressionSyntax reported, bool wholeCreation)
    {
        var creation = wholeCreation
            ? reported as BaseObjectCreationExpressionSyntax
            : reported.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax owner } } ? owner : null;
        var arguments = creation?.ArgumentList;
        // An object initializer (new TcpListener(…) { ExclusiveAddressUse = true }) has no place in a Create call.
        if (creation is null || arguments is null || creation.Initializer is not null || !SocketFixSyntax.ArePositional(arguments))
        {
            return null;
        }

        switch (arguments.Arguments.Count)
        {
            case 2:
                return (creation, arguments.Arguments[1].Expression);
            case 1 when wholeCreation:
                // new TcpListener(port): the diagnostic covers the whole creation.
                return (creation, arguments.Arguments[0].Expression);
            case 1 when !wholeCreation && SocketFixSyntax.Arguments(arguments.Arguments[0].Expression) is { Arguments.Count: 2 } endpoint && SocketFixSyntax.ArePositional(endpoint):
                return (creation, endpoint.Arguments[1].Expression);
            default:
                return null;
        }
    }

    public static Task<Document> ApplyAsync(Document document, BaseObjectCreationExpressionSyntax creation, ExpressionSyntax port, CancellationToken cancellationToken)
    {
        var replacement = SyntaxFactory.InvocationExpression(
            SocketFixSyntax.StaticMember("System.Net.Sockets.TcpListener", "Create"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(port.WithoutTrivia()))));
        return SocketFixSyntax.ReplaceAsync(document, creation, replacement, cancellationToken);
    }
}
