using DualStack.Analyzers.Sockets;
using DualStack.Analyzers.StringRules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Flow;

/// <summary>
/// The operation actions that fill an <see cref="AddressFlowSummary"/>. Each one starts with a check on symbols or
/// types it already has (no semantic-model queries, no walks over the member), so the common operation that has
/// nothing to do with addresses costs a comparison or two.
/// </summary>
internal sealed class AddressFlowCollector
{
    private readonly SocketSymbols _symbols;
    private readonly IAssemblySymbol _assembly;
    private readonly AddressFlowSummary _summary;

    // Identifier names repeat across a compilation; splitting each into words once keeps string edges cheap.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _addressNames = new(StringComparer.Ordinal);

    public AddressFlowCollector(SocketSymbols symbols, IAssemblySymbol assembly, AddressFlowSummary summary)
    {
        _symbols = symbols;
        _assembly = assembly;
        _summary = summary;
    }

    public void OnAssignment(OperationAnalysisContext context)
    {
        var (target, value) = context.Operation switch
        {
            ISimpleAssignmentOperation simple => (simple.Target, simple.Value),
            ICoalesceAssignmentOperation coalesce => (coalesce.Target, coalesce.Value),
            _ => (null, null),
        };

        if (target is not null && value is not null && CarrierOf(target) is { } carrier)
        {
            Store(carrier, value, isDeclaration: false);
        }
    }

    public void OnDeclarator(OperationAnalysisContext context)
    {
        var declarator = (IVariableDeclaratorOperation)context.Operation;
        var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
        if (initializer is not null && IsCarrierType(declarator.Symbol.Type))
        {
            Store(declarator.Symbol, initializer, isDeclaration: true);
        }
    }

    public void OnMemberInitializer(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            case IFieldInitializerOperation fields:
                foreach (var field in fields.InitializedFields)
                {
                    if (IsCarrierType(field.Type))
                    {
                        Store(field.OriginalDefinition, fields.Value, isDeclaration: false);
                    }
                }

                break;
            case IPropertyInitializerOperation properties:
                foreach (var property in properties.InitializedProperties)
                {
                    if (IsCarrierType(property.Type))
                    {
                        Store(property.OriginalDefinition, properties.Value, isDeclaration: false);
                    }
                }

                break;
            case IParameterInitializerOperation parameter when IsCarrierType(parameter.Parameter.Type):
                Store(parameter.Parameter.OriginalDefinition, parameter.Value, isDeclaration: false);
                break;
        }
    }

    public void OnReturn(OperationAnalysisContext context)
    {
        var ret = (IReturnOperation)context.Operation;
        if (ret.ReturnedValue is not { } value || ret.Kind != OperationKind.Return || !IsCarrierType(value.Type))
        {
            return;
        }

        if (ReturningMember(ret, context.ContainingSymbol) is { } member)
        {
            Store(AddressTrace.Carrier(member), value, isDeclaration: false);
        }
    }

    /// <summary>Arguments passed to methods of this compilation, and the socket calls that bind or connect.</summary>
    public void OnCall(OperationAnalysisContext context)
    {
        var (method, arguments) = context.Operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            _ => (null, default),
        };

        if (method is null || arguments.IsDefaultOrEmpty)
        {
            return;
        }

        if (AddressTrace.IsInSource(method, _assembly))
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && argument.ArgumentKind == ArgumentKind.Explicit && IsCarrierType(parameter.Type))
                {
                    Store(parameter.OriginalDefinition, argument.Value, isDeclaration: false);
                }
            }

            return;
        }

        if (SinkKindOf(method) is { } kind && SocketValues.ArgumentFor(arguments, 0) is { } address)
        {
            Sink(context.Operation, context.ContainingSymbol, method, kind, address);
        }
    }

    private AddressSinkKind? SinkKindOf(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (method.MethodKind == MethodKind.Constructor)
        {
            var first = method.Parameters.Length > 0 ? method.Parameters[0].Type : null;
            if (_symbols.Is(type, _symbols.TcpListener) && (_symbols.Is(first, _symbols.IPAddress) || _symbols.Is(first, _symbols.IPEndPoint)))
            {
                return AddressSinkKind.Bind;
            }

            return _symbols.Is(type, _symbols.UdpClient) && _symbols.Is(first, _symbols.IPEndPoint) ? AddressSinkKind.Bind : null;
        }

        switch (method.Name)
        {
            case "Bind" when _symbols.Is(type, _symbols.Socket):
            case "Listen" when _symbols.Is(type, _symbols.KestrelServerOptions):
                return AddressSinkKind.Bind;
            case "Connect" or "ConnectAsync" or "BeginConnect"
                when _symbols.Is(type, _symbols.Socket) || _symbols.Is(type, _symbols.TcpClient) || _symbols.Is(type, _symbols.UdpClient):
                return AddressSinkKind.Connect;
            default:
                return null;
        }
    }

    private void Sink(IOperation call, ISymbol containing, IMethodSymbol method, AddressSinkKind kind, IOperation address)
    {
        if (!IsCarrierType(address.Type))
        {
            return;
        }

        if (kind == AddressSinkKind.Bind)
        {
            // The inline and single-definition forms are DS1001's own finding at the call; a member that also
            // handles IPv6 or speaks an IPv4 broadcast protocol is deliberate.
            var isAddress = _symbols.Is(address.Type, _symbols.IPAddress);
            if (isAddress ? SocketValues.IsIPv4Any(address, _symbols) : SocketValues.IsIPv4AnyEndPoint(address, _symbols))
            {
                return;
            }

            var facts = SocketBlockFacts.For(call, _symbols);
            if (facts.HandlesIPv6 || facts.UsesIPv4BroadcastOrMulticast)
            {
                return;
            }
        }

        var description = SinkName(method) + " in '" + MemberName(containing) + "'";
        foreach (var step in AddressTrace.Trace(address, _symbols, _assembly))
        {
            if (step.Carrier is { } carrier)
            {
                _summary.AddSink(carrier, kind, description);
            }
        }
    }

    private void Store(ISymbol target, IOperation value, bool isDeclaration)
    {
        var isString = TypeOf(target)?.SpecialType == SpecialType.System_String;
        if (isString && !NamesAddress(target.Name) && !MayHoldWildcardText(value))
        {
            // A string not named as an address takes part only as the store of a wildcard written right here.
            return;
        }

        var steps = AddressTrace.Trace(value, _symbols, _assembly);
        if (steps.Count == 0)
        {
            return;
        }

        foreach (var step in steps)
        {
            if (step.Origin is { } kind)
            {
                if (IsDeliberate(step.Operation, kind, target, isDeclaration))
                {
                    continue;
                }

                var text = step.Operation.Syntax.ToString();
                _summary.AddOrigin(new AddressOrigin(target, kind, step.Operation.Syntax.GetLocation(), text));
            }
            else if (step.Carrier is { } source && (!isString || NamesAddress(target.Name) || NamesAddress(source.Name)))
            {
                // Strings are everywhere; only those named as addresses carry one as far as this flow is concerned.
                _summary.AddEdge(target, source);
            }
        }
    }

    private bool NamesAddress(string name) => _addressNames.GetOrAdd(name, AddressNames.LooksLikeAddress);

    /// <summary>The value is, or picks between, the "0.0.0.0" literal or <c>IPAddress.Any.ToString()</c>.</summary>
    private static bool MayHoldWildcardText(IOperation value) => value switch
    {
        IConversionOperation conversion => MayHoldWildcardText(conversion.Operand),
        ILiteralOperation { ConstantValue: { HasValue: true, Value: "0.0.0.0" } } => true,
        IInvocationOperation { TargetMethod.Name: "ToString", Instance: not null } => true,
        ICoalesceOperation coalesce => MayHoldWildcardText(coalesce.Value) || MayHoldWildcardText(coalesce.WhenNull),
        IConditionalOperation { WhenFalse: { } whenFalse } conditional => MayHoldWildcardText(conditional.WhenTrue) || MayHoldWildcardText(whenFalse),
        _ => false,
    };

    /// <summary>
    /// A wildcard written where IPv6 is handled too (the member binds IPv6Any, branches on the family, checks
    /// OSSupportsIPv6, or the type keeps an IPv6 wildcard beside it), or a first DNS answer that DS1011 already
    /// reports where it is used.
    /// </summary>
    private bool IsDeliberate(IOperation origin, AddressOriginKind kind, ISymbol target, bool isDeclaration)
    {
        if (kind == AddressOriginKind.FirstDnsAnswer)
        {
            return isDeclaration && target is ILocalSymbol;
        }

        var facts = SocketBlockFacts.For(origin, _symbols);
        if (facts.HandlesIPv6 || facts.UsesIPv4BroadcastOrMulticast)
        {
            return true;
        }

        // A type that keeps an IPv6 wildcard beside this one has two families, unless this slot is the IPv6 one.
        return target.ContainingType is { } type && !ListenNames.NamesIPv6(target) && TypeKeepsIPv6Wildcard(type);
    }

    /// <summary>Two-family options (BoundAddress = Any beside BoundAddressV6 = IPv6Any): the type's text names the IPv6 wildcard.</summary>
    private static bool TypeKeepsIPv6Wildcard(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var text = reference.SyntaxTree.GetText().ToString(reference.Span);
            if (text.IndexOf("IPv6Any", StringComparison.Ordinal) >= 0 || text.IndexOf("InterNetworkV6", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private ISymbol? CarrierOf(IOperation target)
    {
        ISymbol? symbol = target switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        return symbol is not null && IsCarrierType(TypeOf(symbol)) && (symbol is ILocalSymbol or IParameterSymbol || AddressTrace.IsInSource(symbol, _assembly))
            ? AddressTrace.Carrier(symbol)
            : null;
    }

    private bool IsCarrierType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
            && generic.Name is "Task" or "ValueTask" or "Nullable")
        {
            type = generic.TypeArguments[0];
        }

        return type.SpecialType == SpecialType.System_String
            || _symbols.Is(type, _symbols.IPAddress) || _symbols.Is(type, _symbols.IPEndPoint) || _symbols.Is(type, _symbols.EndPoint);
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IMethodSymbol method => method.ReturnType,
        _ => null,
    };

    /// <summary>The method or property a return belongs to; null inside lambdas, whose callers the flow does not follow.</summary>
    private static ISymbol? ReturningMember(IOperation ret, ISymbol containing)
    {
        for (var parent = ret.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation:
                    return null;
                case ILocalFunctionOperation local:
                    return local.Symbol;
            }
        }

        return containing is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet } ? containing : null;
    }

    private static string SinkName(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor ? "new " + method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;

    private static string MemberName(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { AssociatedSymbol: { } associated })
        {
            symbol = associated;
        }

        return symbol.ContainingType?.Name + "." + symbol.Name;
    }
}
