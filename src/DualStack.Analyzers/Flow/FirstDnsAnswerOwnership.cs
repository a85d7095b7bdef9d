using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Flow;

/// <summary>
/// Which analyzer reports a first DNS answer (DS1011), so that one answer gets one finding. The member-local analyzer
/// (<c>DS1009DS1011AddressResolutionAnalyzer</c>) reports an answer used where it is taken: connected, or made into an
/// endpoint that stays in the member. When the endpoint made from it leaves the member (passed to a method or
/// constructor of this compilation, stored in a field, property, parameter or existing local, returned, or a member
/// initializer), the cross-member flow follows it and owns the finding: Warning when the value reaches a connect or
/// bind, Info otherwise (<see cref="AddressOrigin.ReportedWithoutSink"/>). Both analyzers ask this one predicate.
/// </summary>
internal static class FirstDnsAnswerOwnership
{
    /// <summary>
    /// <paramref name="access"/> is a first DNS answer (<c>x[0]</c> or <c>x.First()</c>, already known to read a DNS
    /// result) written as the address of <c>new IPEndPoint(access, port)</c>, and that endpoint leaves the member.
    /// </summary>
    public static bool FlowOwns(IOperation access, ISymbol containing, IAssemblySymbol assembly)
    {
        var isFollowedShape = access switch
        {
            IArrayElementReferenceOperation element => element.Indices.Length == 1 && element.Indices[0].ConstantValue is { HasValue: true, Value: 0 },
            IInvocationOperation invocation => invocation.TargetMethod.Name is "First" or "FirstOrDefault" && invocation.Arguments.Length == 1,
            _ => false,
        };

        if (!isFollowedShape
            || OutermostConversion(access).Parent is not IArgumentOperation { Parameter.Ordinal: 0, Parent: IObjectCreationOperation creation }
            || !IsNetType(creation.Type, "IPEndPoint"))
        {
            return false;
        }

        var endpoint = OutermostConversion(creation);
        switch (endpoint.Parent)
        {
            case IArgumentOperation { ArgumentKind: ArgumentKind.Explicit, Parameter: { } parameter } argument:
                var method = argument.Parent switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IObjectCreationOperation construction => construction.Constructor,
                    _ => null,
                };
                return method is not null && AddressTrace.IsInSource(method, assembly) && IsEndPointType(parameter.Type);
            case ISimpleAssignmentOperation assignment when assignment.Value == endpoint:
                return IsFollowedTarget(assignment.Target, assembly);
            case ICoalesceAssignmentOperation coalesce when coalesce.Value == endpoint:
                return IsFollowedTarget(coalesce.Target, assembly);
            case IReturnOperation { Kind: OperationKind.Return } ret:
                return IsEndPointType(endpoint.Type) && IsFollowedReturn(ret, containing);
            case IFieldInitializerOperation fields:
                return fields.InitializedFields.Any(f => IsEndPointType(f.Type));
            case IPropertyInitializerOperation properties:
                return properties.InitializedProperties.Any(p => IsEndPointType(p.Type));
            default:
                return false;
        }
    }

    /// <summary>A store the flow follows: a field or property of this compilation, a parameter or an existing local.</summary>
    private static bool IsFollowedTarget(IOperation target, IAssemblySymbol assembly) => target switch
    {
        IFieldReferenceOperation field => AddressTrace.IsInSource(field.Field, assembly) && IsEndPointType(field.Field.Type),
        IPropertyReferenceOperation { Property.IsIndexer: false } property => AddressTrace.IsInSource(property.Property, assembly) && IsEndPointType(property.Property.Type),
        IParameterReferenceOperation parameter => IsEndPointType(parameter.Parameter.Type),
        ILocalReferenceOperation local => IsEndPointType(local.Local.Type),
        _ => false,
    };

    /// <summary>A return whose member's callers the flow follows: a method, a property getter or a local function, not a lambda.</summary>
    private static bool IsFollowedReturn(IOperation ret, ISymbol containing)
    {
        for (var parent = ret.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation:
                    return false;
                case ILocalFunctionOperation:
                    return true;
            }
        }

        return containing is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet };
    }

    private static bool IsEndPointType(ITypeSymbol? type) => IsNetType(type, "IPEndPoint") || IsNetType(type, "EndPoint");

    private static bool IsNetType(ITypeSymbol? type, string name) =>
        type is { Name: var typeName, ContainingNamespace: { Name: "Net", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
        && typeName == name;

    private static IOperation OutermostConversion(IOperation operation)
    {
        while (operation.Parent is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
