using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Flow;

/// <summary>
/// A configuration word that means "every address" (<c>"any"</c>, <c>"*"</c>, <c>"+"</c>) mapped to a value in a
/// branch: <c>if ("any".Equals(ip, OrdinalIgnoreCase)) address = IPAddress.Any;</c>, <c>case "*": …</c>,
/// <c>ip == "+" ? IPAddress.Any : …</c>.
/// </summary>
internal static class WildcardWords
{
    private const int MaxAncestors = 12;

    // Words of a branch that sets up IPv6 too.
    private static readonly string[] IPv6Words = ["IPv6Any", "InterNetworkV6", "DualMode"];

    /// <summary>The value sits in the branch taken when a string equals a wildcard word.</summary>
    public static bool MapsWildcardWord(IOperation value)
    {
        var child = value;
        var parent = value.Parent;
        for (var i = 0; i < MaxAncestors && parent is not null; i++)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when conditional.WhenTrue == child && TestsWildcardWord(conditional.Condition):
                    return !MentionsIPv6(child);
                case ISwitchCaseOperation switchCase when switchCase.Clauses.Any(IsWildcardClause):
                    return !MentionsIPv6(switchCase);
                case ISwitchExpressionArmOperation arm when arm.Pattern is IConstantPatternOperation { Value: var armValue } && IsWildcardWord(armValue):
                    return !MentionsIPv6(arm);
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation:
                    return false;
            }

            child = parent;
            parent = parent.Parent;
        }

        return false;
    }

    /// <summary>The branch sets up IPv6 too (a second listener on IPv6Any, a dual-mode socket): the word maps to both families.</summary>
    private static bool MentionsIPv6(IOperation branch) => SourceTextSearch.NodeContainsAny(branch.Syntax, IPv6Words);


    private static bool IsWildcardClause(ICaseClauseOperation clause) => clause switch
    {
        ISingleValueCaseClauseOperation single => IsWildcardWord(single.Value),
        IPatternCaseClauseOperation { Pattern: IConstantPatternOperation constant } => IsWildcardWord(constant.Value),
        _ => false,
    };

    /// <summary><c>"any".Equals(s, …)</c>, <c>s.Equals("any", …)</c>, <c>string.Equals(s, "*", …)</c>, <c>s == "+"</c>, possibly inside <c>||</c>.</summary>
    private static bool TestsWildcardWord(IOperation condition)
    {
        switch (condition)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return TestsWildcardWord(or.LeftOperand) || TestsWildcardWord(or.RightOperand);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                return IsWildcardWord(equals.LeftOperand) || IsWildcardWord(equals.RightOperand);
            case IIsPatternOperation { Pattern: IConstantPatternOperation constant }:
                return IsWildcardWord(constant.Value);
            case IInvocationOperation { TargetMethod.Name: "Equals", TargetMethod.ContainingType.SpecialType: SpecialType.System_String } call:
                return (call.Instance is { } instance && IsWildcardWord(instance)) || call.Arguments.Any(a => IsWildcardWord(a.Value));
            default:
                return false;
        }
    }

    private static bool IsWildcardWord(IOperation operation)
    {
        // A literal is read from its token (the operation's constant value builds the string from the compiler's
        // rope); a named constant needs the constant value.
        var text = operation.Kind == OperationKind.Literal && operation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal
            ? literal.Token.Value as string
            : operation.ConstantValue is { HasValue: true, Value: string constant } ? constant : null;
        return text is not null && text.Trim() is var word
            && (word is "*" or "+" || string.Equals(word, "any", StringComparison.OrdinalIgnoreCase));
    }
}
