using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Sockets;

/// <summary>Recognises well-known address values after <see cref="SocketValueFlow"/> has followed them to their source.</summary>
internal static class SocketValues
{
    /// <summary><c>IPAddress.Any</c>, <c>new IPAddress(0)</c> or <c>IPAddress.Parse("0.0.0.0")</c>.</summary>
    public static bool IsIPv4Any(IOperation value, SocketSymbols symbols)
    {
        var source = SocketValueFlow.Resolve(value);
        return source switch
        {
            IFieldReferenceOperation field => symbols.Any.Matches(field.Field),
            IObjectCreationOperation creation => symbols.Is(creation.Type, symbols.IPAddress) && IsLongConstructor(creation, symbols)
                && IsZero(creation.Arguments[0].Value),
            IInvocationOperation invocation => symbols.Is(invocation.TargetMethod.ContainingType, symbols.IPAddress)
                && invocation.TargetMethod.Name == "Parse" && invocation.Arguments.Length == 1
                && ConstantString(invocation.Arguments[0].Value) == "0.0.0.0",
            _ => false,
        };
    }

    /// <summary><c>IPAddress.IPv6Any</c>, directly or through a local or field.</summary>
    public static bool IsIPv6Any(IOperation value, SocketSymbols symbols) =>
        SocketValueFlow.Resolve(value) is IFieldReferenceOperation field && symbols.IPv6Any.Matches(field.Field);

    /// <summary>The <c>new IPEndPoint(…)</c> that produced <paramref name="value"/>, or null.</summary>
    public static IObjectCreationOperation? EndPointCreation(IOperation value, SocketSymbols symbols) =>
        SocketValueFlow.Resolve(value) is IObjectCreationOperation creation && symbols.Is(creation.Type, symbols.IPEndPoint)
        && creation.Arguments.Length == 2 ? creation : null;

    /// <summary>An endpoint for the IPv4 wildcard: <c>new IPEndPoint(IPAddress.Any, p)</c> or <c>new IPEndPoint(0, p)</c>.</summary>
    public static bool IsIPv4AnyEndPoint(IOperation value, SocketSymbols symbols)
    {
        var creation = EndPointCreation(value, symbols);
        if (creation is null)
        {
            return false;
        }

        var address = ArgumentFor(creation, 0);
        return address is not null && (symbols.Is(address.Type, symbols.IPAddress) ? IsIPv4Any(address, symbols) : IsZero(address));
    }

    public static bool IsLongConstructor(IObjectCreationOperation creation, SocketSymbols symbols) =>
        creation.Constructor is { Parameters.Length: > 0 } constructor
        && constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int64 && creation.Arguments.Length >= 1
        && (symbols.Is(creation.Type, symbols.IPAddress) || symbols.Is(creation.Type, symbols.IPEndPoint));

    /// <summary>The argument bound to the parameter at <paramref name="ordinal"/> (named arguments included).</summary>
    public static IOperation? ArgumentFor(IObjectCreationOperation creation, int ordinal) => ArgumentFor(creation.Arguments, ordinal);

    public static IOperation? ArgumentFor(IInvocationOperation invocation, int ordinal) => ArgumentFor(invocation.Arguments, ordinal);

    public static int? ConstantInt(IOperation operation)
    {
        var constant = SocketValueFlow.SkipConversions(operation).ConstantValue;
        if (!constant.HasValue)
        {
            constant = operation.ConstantValue;
        }

        return constant is { HasValue: true, Value: int i } ? i : null;
    }

    /// <summary>An expression a fix may write twice: locals, parameters, fields and property chains of those.</summary>
    public static bool IsRepeatable(IOperation operation) => operation switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation => true,
        IFieldReferenceOperation field => field.Instance is null || IsRepeatable(field.Instance),
        IPropertyReferenceOperation property => property.Arguments.IsEmpty && (property.Instance is null || IsRepeatable(property.Instance)),
        IConversionOperation { IsImplicit: true } conversion => IsRepeatable(conversion.Operand),
        _ => false,
    };

    public static long? ConstantLong(IOperation operation)
    {
        var constant = operation.ConstantValue.HasValue ? operation.ConstantValue : SocketValueFlow.SkipConversions(operation).ConstantValue;
        return constant is { HasValue: true, Value: not null } && constant.Value is int or long or uint ? Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public static string? ConstantString(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: string s } ? s : null;

    public static IOperation? ArgumentFor(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static bool IsZero(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: 0 or 0L }
        || SocketValueFlow.SkipConversions(operation).ConstantValue is { HasValue: true, Value: 0 or 0L };
}
