using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// URL parsers of well-known packages recognised by name when the package is not restored (its types are error
/// types and the call is an invalid operation): <c>GrpcChannel.ForAddress(url)</c>. With the package present the
/// symbol-based sinks of <see cref="NetworkSinks"/> match instead.
/// </summary>
internal static class UnresolvedSinks
{
    /// <summary>The URL argument and the sink's name, when the invalid operation is such a call.</summary>
    public static (IOperation Value, string Name)? UrlArgument(IInvalidOperation invalid)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: { Count: > 0 } arguments }
            || access.Name.Identifier.ValueText != "ForAddress"
            || !ReceiverNamed(access.Expression, "GrpcChannel"))
        {
            return null;
        }

        var first = arguments[0].Expression;
        foreach (var child in invalid.ChildOperations)
        {
            var value = child is IArgumentOperation argument ? argument.Value : child;
            if (value.Syntax == first && value.Type?.SpecialType == SpecialType.System_String)
            {
                return (value, "GrpcChannel.ForAddress");
            }
        }

        return null;
    }

    private static bool ReceiverNamed(ExpressionSyntax receiver, string name) => receiver switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText == name,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText == name,
        _ => false,
    };
}
