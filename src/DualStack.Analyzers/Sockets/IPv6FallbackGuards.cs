using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Sockets;

/// <summary>
/// The guards that make an IPv6 requirement safe on hosts with IPv6 disabled (DS1015), found by walking up from the
/// use: a branch on IPv6 support or on a given IPv6 address, an early exit when IPv6 is missing, or a try with a catch.
/// </summary>
internal static class IPv6FallbackGuards
{
    /// <summary>True when <paramref name="operation"/> only runs where IPv6 is known to be available, or has a fallback.</summary>
    public static bool IsGuarded(IOperation operation)
    {
        for (IOperation? child = operation, parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ITryOperation { Catches.IsEmpty: false } tryOperation when child == tryOperation.Body:
                    return true;
                case IConditionalOperation conditional when child != conditional.Condition
                    && (DecidesByFamily(conditional.Condition) || ChecksIPv6Support(conditional.Condition)):
                    return true;
                case ISwitchOperation switchOperation when DecidesByFamily(switchOperation.Value):
                    return true;
                case ISwitchExpressionOperation switchExpression when DecidesByFamily(switchExpression.Value):
                    return true;
                case IBlockOperation block when ExitsEarlyWithoutIPv6(block, child):
                    return true;
            }
        }

        return false;
    }

    /// <summary>The condition picks a branch by address family or by IPv6 support: both branches are deliberate.</summary>
    public static bool DecidesByFamilyOrSupport(IOperation condition) => DecidesByFamily(condition) || ChecksIPv6Support(condition);

    /// <summary>An earlier statement of the block is <c>if (!Socket.OSSupportsIPv6) { …; return/throw; }</c>.</summary>
    private static bool ExitsEarlyWithoutIPv6(IBlockOperation block, IOperation child)
    {
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                return false;
            }

            if (statement is IConditionalOperation { WhenFalse: null } check && ChecksIPv6Support(check.Condition) && EndsWithExit(check.WhenTrue))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithExit(IOperation operation) => operation switch
    {
        IReturnOperation or IThrowOperation or IBranchOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: > 0 } block => EndsWithExit(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    /// <summary>
    /// The condition asks whether IPv6 is available or wanted: <c>Socket.OSSupportsIPv6</c>,
    /// <c>NetworkInterface.Supports(NetworkInterfaceComponent.IPv6)</c>, or a flag or helper whose name says IPv6
    /// (<c>IPv6Support</c>, <c>options.EnableIPv6</c>), which libraries compute once from OSSupportsIPv6 or configuration.
    /// </summary>
    private static bool ChecksIPv6Support(IOperation condition) =>
        condition.DescendantsAndSelf().Any(o => o switch
        {
            IPropertyReferenceOperation { Property.Name: "OSSupportsIPv6" or "SupportsIPv6" or "OSSupportsIPv6DualMode" } => true,
            IFieldReferenceOperation { Field.Name: "IPv6", Field.ContainingType.Name: "NetworkInterfaceComponent" } => true,
            IFieldReferenceOperation { Field: { Type.SpecialType: SpecialType.System_Boolean } field } => NamesIPv6(field),
            IPropertyReferenceOperation { Property: { Type.SpecialType: SpecialType.System_Boolean } property } => NamesIPv6(property),
            ILocalReferenceOperation { Local: { Type.SpecialType: SpecialType.System_Boolean } local } reference =>
                NamesIPv6(local) || SocketValueFlow.Resolve(reference) is var definition && definition != reference && ChecksIPv6Support(definition),
            IParameterReferenceOperation { Parameter: { Type.SpecialType: SpecialType.System_Boolean } parameter } => NamesIPv6(parameter),
            IInvocationOperation { TargetMethod: { ReturnType.SpecialType: SpecialType.System_Boolean } method } => NamesIPv6(method),
            _ => false,
        });

    private static bool NamesIPv6(ISymbol symbol) => symbol.Name.IndexOf("ipv6", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// The condition follows a given address: it reads an AddressFamily (a peer's, an endpoint's) or compares with an
    /// IPv6 value (<c>address.Equals(IPAddress.IPv6Any)</c>, <c>== AddressFamily.InterNetworkV6</c>). The IPv6 branch
    /// then runs only for an IPv6 address that was configured or received, so the host has IPv6.
    /// </summary>
    private static bool DecidesByFamily(IOperation condition) =>
        condition.DescendantsAndSelf().Any(o => o switch
        {
            IPropertyReferenceOperation { Property.Type.Name: "AddressFamily" } => true,
            IFieldReferenceOperation { Field: { Name: "IPv6Any" or "IPv6Loopback" or "IPv6None", ContainingType.Name: "IPAddress" } } => true,
            IFieldReferenceOperation { Field: { Name: "InterNetworkV6", ContainingType.Name: "AddressFamily" } } => true,
            _ => false,
        });
}
