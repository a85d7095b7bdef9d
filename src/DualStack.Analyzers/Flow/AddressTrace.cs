using DualStack.Analyzers.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Flow;

/// <summary>One thing an address value can come from: a carrier symbol, or a known origin (with the operation).</summary>
internal readonly struct TraceStep
{
    public TraceStep(ISymbol? carrier, AddressOriginKind? origin, IOperation operation)
    {
        Carrier = carrier;
        Origin = origin;
        Operation = operation;
    }

    public ISymbol? Carrier { get; }

    public AddressOriginKind? Origin { get; }

    public IOperation Operation { get; }
}

/// <summary>
/// Follows an address value backwards inside one expression, to the carriers it is read from (fields, properties,
/// parameters, locals, results of methods of this compilation) and the known values it is made of. It looks through
/// conversions, <c>??</c>, conditionals, <c>new IPEndPoint(a, p)</c>, <c>IPAddress.Parse(s)</c>, <c>ToString()</c>
/// and <c>await</c>; a conditional that decides by address family or IPv6 support is a guard and ends the walk.
/// Everything else (calls into other libraries, string building) ends it too: the flow only claims what it sees.
/// </summary>
internal static class AddressTrace
{
    private const int MaxDepth = 8;

    public static List<TraceStep> Trace(IOperation value, SocketSymbols symbols, IAssemblySymbol assembly)
    {
        var steps = new List<TraceStep>();
        Walk(value, symbols, assembly, steps, 0);
        return steps;
    }

    /// <summary>The carrier for a symbol: properties and fields by their original definition, accessors by their property.</summary>
    public static ISymbol Carrier(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } property } => property.OriginalDefinition,
        _ => symbol.OriginalDefinition,
    };

    private static void Walk(IOperation operation, SocketSymbols symbols, IAssemblySymbol assembly, List<TraceStep> steps, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var next = depth + 1;
        switch (operation)
        {
            case IConversionOperation conversion:
                Walk(conversion.Operand, symbols, assembly, steps, next);
                break;
            case IParenthesizedOperation parenthesized:
                Walk(parenthesized.Operand, symbols, assembly, steps, next);
                break;
            case IAwaitOperation awaited:
                Walk(awaited.Operation, symbols, assembly, steps, next);
                break;
            case ICoalesceOperation coalesce:
                Walk(coalesce.Value, symbols, assembly, steps, next);
                Walk(coalesce.WhenNull, symbols, assembly, steps, next);
                break;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                if (!IPv6FallbackGuards.DecidesByFamilyOrSupport(conditional.Condition))
                {
                    Walk(conditional.WhenTrue, symbols, assembly, steps, next);
                    Walk(whenFalse, symbols, assembly, steps, next);
                }

                break;
            case IFieldReferenceOperation field:
                if (symbols.Any.Matches(field.Field))
                {
                    steps.Add(new TraceStep(null, AddressOriginKind.IPv4Wildcard, field));
                }
                else if (!field.Field.IsConst && IsInSource(field.Field, assembly))
                {
                    steps.Add(new TraceStep(Carrier(field.Field), null, field));
                }

                break;
            case IPropertyReferenceOperation property:
                WalkProperty(property, symbols, assembly, steps, next);
                break;
            case IParameterReferenceOperation parameter:
                steps.Add(new TraceStep(parameter.Parameter.OriginalDefinition, null, parameter));
                break;
            case ILocalReferenceOperation local:
                steps.Add(new TraceStep(local.Local, null, local));
                break;
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } literal:
                if (text == "0.0.0.0")
                {
                    steps.Add(new TraceStep(null, AddressOriginKind.IPv4Wildcard, literal));
                }

                break;
            case IObjectCreationOperation creation:
                WalkCreation(creation, symbols, assembly, steps, next);
                break;
            case IInvocationOperation invocation:
                WalkInvocation(invocation, symbols, assembly, steps, next);
                break;
            case IArrayElementReferenceOperation element when IsFirstDnsAnswer(element, symbols):
                steps.Add(new TraceStep(null, AddressOriginKind.FirstDnsAnswer, element));
                break;
        }
    }

    private static void WalkProperty(IPropertyReferenceOperation property, SocketSymbols symbols, IAssemblySymbol assembly, List<TraceStep> steps, int next)
    {
        var symbol = property.Property;
        if (symbol.IsIndexer)
        {
            return;
        }

        if (IsInSource(symbol, assembly))
        {
            steps.Add(new TraceStep(Carrier(symbol), null, property));
        }
        else if (symbol.Name == "Address" && symbols.Is(symbol.ContainingType, symbols.IPEndPoint) && property.Instance is { } endpoint)
        {
            // endPoint.Address: the address of an endpoint that came from elsewhere.
            Walk(endpoint, symbols, assembly, steps, next);
        }
    }

    private static void WalkCreation(IObjectCreationOperation creation, SocketSymbols symbols, IAssemblySymbol assembly, List<TraceStep> steps, int next)
    {
        var isEndPoint = symbols.Is(creation.Type, symbols.IPEndPoint);
        if (!isEndPoint && !symbols.Is(creation.Type, symbols.IPAddress))
        {
            return;
        }

        var address = SocketValues.ArgumentFor(creation, 0);
        if (address is null)
        {
            return;
        }

        if (SocketValues.IsLongConstructor(creation, symbols))
        {
            if (SocketValues.ConstantLong(address) == 0)
            {
                steps.Add(new TraceStep(null, AddressOriginKind.IPv4Wildcard, creation));
            }
        }
        else if (isEndPoint)
        {
            Walk(address, symbols, assembly, steps, next);
        }
    }

    private static void WalkInvocation(IInvocationOperation invocation, SocketSymbols symbols, IAssemblySymbol assembly, List<TraceStep> steps, int next)
    {
        var method = invocation.TargetMethod;
        if (symbols.Is(method.ContainingType, symbols.IPAddress) && method.Name == "Parse" && invocation.Arguments.Length == 1)
        {
            Walk(invocation.Arguments[0].Value, symbols, assembly, steps, next);
        }
        else if (method.Name == "ToString" && invocation.Arguments.IsEmpty && invocation.Instance is { } instance
            && symbols.Is(instance.WalkDownConversionsOnly().Type, symbols.IPAddress))
        {
            Walk(instance, symbols, assembly, steps, next);
        }
        else if (method.Name is "First" or "FirstOrDefault" && invocation.Arguments.Length == 1
            && IsDnsResult(invocation.Arguments[0].Value, symbols))
        {
            steps.Add(new TraceStep(null, AddressOriginKind.FirstDnsAnswer, invocation));
        }
        else if (IsInSource(method, assembly) && method.MethodKind == MethodKind.Ordinary)
        {
            steps.Add(new TraceStep(Carrier(method), null, invocation));
        }
    }

    /// <summary><c>X[0]</c> where X is <c>Dns.GetHostAddresses(…)</c> (awaited or not) or <c>IPHostEntry.AddressList</c>.</summary>
    public static bool IsFirstDnsAnswer(IArrayElementReferenceOperation element, SocketSymbols symbols) =>
        element.Indices.Length == 1 && element.Indices[0].ConstantValue is { HasValue: true, Value: 0 }
        && IsDnsResult(element.ArrayReference, symbols);

    private static bool IsDnsResult(IOperation operation, SocketSymbols symbols) => IsDnsResult(operation, symbols, 0);

    private static bool IsDnsResult(IOperation operation, SocketSymbols symbols, int depth)
    {
        var value = StringRules.DnsResults.UnwrapTaskResult(operation);
        switch (value)
        {
            case IInvocationOperation { TargetMethod: { Name: "GetHostAddresses" or "GetHostAddressesAsync" } method }:
                return symbols.Is(method.ContainingType, symbols.Dns);
            case IPropertyReferenceOperation { Property: { Name: "AddressList" } property }:
                return symbols.Is(property.ContainingType, symbols.IPHostEntry);
            case ILocalReferenceOperation when depth < 2:
                // var addresses = Dns.GetHostAddressesAsync(host).Result; … addresses[0]
                var resolved = StringRules.OperationFlow.ResolveValue(value);
                return resolved != value && IsDnsResult(resolved, symbols, depth + 1);
            default:
                return false;
        }
    }

    public static bool IsInSource(ISymbol symbol, IAssemblySymbol assembly) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, assembly);

    private static IOperation WalkDownConversionsOnly(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
