using System.Net;
using System.Net.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// The IPv4 half of a family-aware pair: the literal sits in one branch of an <c>if</c>/<c>else</c>, <c>?:</c> or
/// <c>switch</c> whose sibling branch does the same over IPv6 (it mentions <c>IPAddress.IPv6Any</c>/<c>IPv6Loopback</c>,
/// <c>AddressFamily.InterNetworkV6</c> or an IPv6 literal). Example: outbound-address discovery that connects a UDP
/// socket to 8.8.8.8 when bound to <c>Any</c> and to 2001:4860:4860::8888 when bound to <c>IPv6Any</c>.
/// </summary>
internal static class DS1008IPv6TwinBranch
{
    public static bool HasIPv6Twin(IOperation operation)
    {
        for (IOperation? child = operation, parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            var twin = parent switch
            {
                IConditionalOperation conditional when child == conditional.WhenTrue => conditional.WhenFalse is { } other && HandlesIPv6(other),
                IConditionalOperation conditional when child == conditional.WhenFalse => HandlesIPv6(conditional.WhenTrue),
                ISwitchCaseOperation { Parent: ISwitchOperation switchOperation } section =>
                    switchOperation.Cases.Any(other => other != section && HandlesIPv6(other)),
                ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } arm =>
                    switchExpression.Arms.Any(other => other != arm && HandlesIPv6(other)),
                _ => false,
            };
            if (twin)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HandlesIPv6(IOperation branch) =>
        branch.DescendantsAndSelf().Any(o => o switch
        {
            IFieldReferenceOperation { Field: { Name: "IPv6Any" or "IPv6Loopback" or "IPv6None", ContainingType.Name: "IPAddress" } } => true,
            IFieldReferenceOperation { Field: { Name: "InterNetworkV6", ContainingType.Name: "AddressFamily" } } => true,
            ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } => IsIPv6Text(text),
            _ => false,
        });

    /// <summary>An IPv6 address, alone or as the bracketed host of a URL or endpoint.</summary>
    private static bool IsIPv6Text(string text)
    {
        var open = text.IndexOf('[');
        var close = open >= 0 ? text.IndexOf(']', open + 1) : -1;
        var candidate = close > open + 1 ? text.Substring(open + 1, close - open - 1) : text;
        return candidate.IndexOf(':') >= 0 && IPAddress.TryParse(candidate, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6;
    }
}
