using System.Collections.Immutable;
using DualStack.Analyzers.Sockets;
using DualStack.Analyzers.StringRules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

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

    // Identifier names repeat across compilations (every build of a project, every keystroke in the IDE); splitting
    // each into words once per process keeps string stores cheap. Capped, so a long-lived compiler server does not
    // keep every name it ever saw.
    [ThreadStatic]
    private static Dictionary<string, bool>? t_addressNames;
    private const int MaxCachedNames = 20_000;

    // What a type's text says, read once per type and shared by the collectors of every type of the compilation.
    private readonly TypeTextFacts _typeTextFacts;

    public AddressFlowCollector(SocketSymbols symbols, IAssemblySymbol assembly, AddressFlowSummary summary)
    {
        _symbols = symbols;
        _assembly = assembly;
        _summary = summary;
        _typeTextFacts = new TypeTextFacts();
    }

    private AddressFlowCollector(AddressFlowCollector shared, AddressFlowSummary summary)
    {
        _symbols = shared._symbols;
        _assembly = shared._assembly;
        _typeTextFacts = shared._typeTextFacts;
        _summary = summary;
    }

    /// <summary>The operations <see cref="OnOperation"/> looks at.</summary>
    public static ImmutableArray<OperationKind> OperationKinds { get; } = ImmutableArray.Create(
        OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment, OperationKind.VariableDeclarator,
        OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.ParameterInitializer,
        OperationKind.Return, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Invalid);

    /// <summary>A collector that writes the facts of one type's members into <paramref name="typeSummary"/> (which passes them on to the compilation's), sharing this one's caches.</summary>
    public AddressFlowCollector ForType(AddressFlowSummary typeSummary) => new(this, typeSummary);

    /// <summary>One callback for every kind in <see cref="OperationKinds"/>: one registration per type instead of six.</summary>
    public void OnOperation(OperationAnalysisContext context)
    {
        switch (context.Operation.Kind)
        {
            case OperationKind.SimpleAssignment or OperationKind.CoalesceAssignment:
                OnAssignment(context);
                break;
            case OperationKind.VariableDeclarator:
                OnDeclarator(context);
                break;
            case OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer:
                OnMemberInitializer(context);
                break;
            case OperationKind.Return:
                OnReturn(context);
                break;
            case OperationKind.Invocation or OperationKind.ObjectCreation:
                OnCall(context);
                break;
            case OperationKind.Invalid:
                OnInvalid(context);
                break;
        }
    }

    private void OnAssignment(OperationAnalysisContext context)
    {
        var (target, value) = context.Operation switch
        {
            ISimpleAssignmentOperation simple => (simple.Target, simple.Value),
            ICoalesceAssignmentOperation coalesce => (coalesce.Target, coalesce.Value),
            _ => (null, null),
        };

        if (target is not null && value is not null && CarrierOf(target) is { } carrier)
        {
            Store(carrier, value, isDeclaration: false, context.ContainingSymbol);
        }
    }

    private void OnDeclarator(OperationAnalysisContext context)
    {
        var declarator = (IVariableDeclaratorOperation)context.Operation;
        var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;

        // The initializer is converted to the local's type, so its type is the local's; reading it avoids making a
        // public type symbol for every local (ILocalSymbol.Type), which measured as most of this callback's time.
        if (initializer is not null && (initializer.Type ?? declarator.Symbol.Type) is var localType && IsCarrierType(localType))
        {
            Store(declarator.Symbol, initializer, isDeclaration: true, context.ContainingSymbol, localType);
        }
    }

    private void OnMemberInitializer(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            case IFieldInitializerOperation fields:
                foreach (var field in fields.InitializedFields)
                {
                    if (IsCarrierType(field.Type))
                    {
                        Store(field.OriginalDefinition, fields.Value, isDeclaration: false, context.ContainingSymbol);
                    }
                }

                break;
            case IPropertyInitializerOperation properties:
                foreach (var property in properties.InitializedProperties)
                {
                    if (IsCarrierType(property.Type))
                    {
                        Store(property.OriginalDefinition, properties.Value, isDeclaration: false, context.ContainingSymbol);
                    }
                }

                break;
            case IParameterInitializerOperation parameter when IsCarrierType(parameter.Parameter.Type):
                Store(parameter.Parameter.OriginalDefinition, parameter.Value, isDeclaration: false, context.ContainingSymbol);
                break;
        }
    }

    private void OnReturn(OperationAnalysisContext context)
    {
        var ret = (IReturnOperation)context.Operation;
        if (ret.ReturnedValue is not { } value || ret.Kind != OperationKind.Return || !IsCarrierType(value.Type))
        {
            return;
        }

        if (ReturningMember(ret, context.ContainingSymbol) is { } member)
        {
            var carrier = AddressTrace.Carrier(member);
            Store(carrier, value, isDeclaration: false, context.ContainingSymbol);
            if (Overridden(carrier) is { } overridden)
            {
                // A read of the base member (this.Endpoint in the base class's BindAsync) gets the override's value.
                _summary.AddEdge(overridden, carrier);
            }
        }
    }

    /// <summary>The base member an override replaces, when it is in this compilation.</summary>
    private ISymbol? Overridden(ISymbol carrier)
    {
        ISymbol? overridden = carrier switch
        {
            IPropertySymbol property => property.OverriddenProperty,
            IMethodSymbol method => method.OverriddenMethod,
            _ => null,
        };

        return overridden is not null && AddressTrace.IsInSource(overridden, _assembly) ? overridden.OriginalDefinition : null;
    }

    /// <summary>Arguments passed to methods of this compilation, and the socket calls that bind or connect.</summary>
    private void OnCall(OperationAnalysisContext context)
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

        if (SinkKindOf(method) is { } kind)
        {
            if (AddressArgument(arguments) is { } address)
            {
                Sink(context.Operation, context.ContainingSymbol, SinkName(method), kind, address);
            }

            return;
        }

        // Only an address or string argument can carry a value anywhere; most calls pass neither, and then the
        // method's assembly (a walk up its namespaces) is not read.
        if (!HasCarrierArgument(arguments))
        {
            return;
        }

        if (AddressTrace.IsInSource(method, _assembly))
        {
            var isConstructor = method.MethodKind == MethodKind.Constructor;
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && argument.ArgumentKind == ArgumentKind.Explicit && IsCarrierType(parameter.Type))
                {
                    Store(parameter.OriginalDefinition, argument.Value, isDeclaration: false, context.ContainingSymbol);
                    if (isConstructor && RecordProperty(method.ContainingType, parameter) is { } property)
                    {
                        // record R(string Host): the primary constructor's parameter initializes the property R.Host.
                        _summary.AddEdge(property, parameter.OriginalDefinition);
                    }
                }
            }

            return;
        }

        // IPAddress.TryParse(text, out address), IPEndPoint.TryParse(text, out endPoint): the parsed value carries the text's.
        if (method.Name == "TryParse" && arguments.Length == 2 && (_symbols.Is(method.ContainingType, _symbols.IPAddress) || _symbols.Is(method.ContainingType, _symbols.IPEndPoint))
            && CarrierOf(arguments[1].Value is IDeclarationExpressionOperation declared ? declared.Expression : arguments[1].Value) is { } parsed)
        {
            Store(parsed, arguments[0].Value, isDeclaration: false, context.ContainingSymbol);
        }
    }

    private bool HasCarrierArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { } parameter && IsCarrierType(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A call whose method the compiler cannot resolve (a type from a package that is not restored) named as a
    /// listen call, <c>bootstrap.BindAsync(endPoint)</c>: the bind is recognised by its name and the address-typed
    /// argument, so the flow to it still counts when the package is missing.
    /// </summary>
    private void OnInvalid(OperationAnalysisContext context)
    {
        var invalid = (IInvalidOperation)context.Operation;
        var argumentList = invalid.Syntax switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation => invocation.ArgumentList,
            Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        };
        if (argumentList is null || argumentList.Arguments.Count == 0)
        {
            return;
        }

        if (invalid.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
            {
                Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name },
                ArgumentList.Arguments.Count: 1,
            }
            && ListenNames.IsListenCallName(name))
        {
            foreach (var child in invalid.ChildOperations)
            {
                var value = child is IArgumentOperation argument ? argument.Value : child;
                if (value.Syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax && IsCarrierType(value.Type) && value.Type?.SpecialType != SpecialType.System_String)
                {
                    Sink(invalid, context.ContainingSymbol, name + " (unresolved)", AddressSinkKind.Bind, value);
                }
            }

            return;
        }

        StoreIntoCandidate(invalid, argumentList, context.ContainingSymbol);
    }

    /// <summary>
    /// A call of this compilation's own method or constructor that failed overload resolution only because another
    /// argument has an error type (a type from an unrestored package): the address arguments still go to the one
    /// candidate whose parameters fit, matched by name (<c>Hostname: host</c>) or position.
    /// </summary>
    private void StoreIntoCandidate(IInvalidOperation invalid, Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentListSyntax argumentList, ISymbol containing)
    {
        var values = new List<(IOperation Value, Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax Syntax)>();
        foreach (var child in invalid.ChildOperations)
        {
            var value = child is IArgumentOperation argument ? argument.Value : child;
            if (value.Syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax syntax && syntax.Parent == argumentList && IsCarrierType(value.Type))
            {
                values.Add((value, syntax));
            }
        }

        // The semantic query below runs only where overload resolution can have failed because of an argument the
        // compiler could not resolve (an error type, an invalid or untyped argument); a call whose arguments all bind
        // failed for another reason (its receiver or method is unresolved, or the code is wrong) and has no candidate
        // worth following.
        if (values.Count == 0 || !HasUnresolvedArgument(invalid, argumentList) || invalid.SemanticModel is not { } model)
        {
            return;
        }

        IMethodSymbol? chosen = null;
        foreach (var candidate in model.GetSymbolInfo(invalid.Syntax).CandidateSymbols)
        {
            if (candidate is IMethodSymbol method && AddressTrace.IsInSource(method, _assembly) && Fits(method, argumentList))
            {
                if (chosen is not null)
                {
                    return;
                }

                chosen = method;
            }
        }

        if (chosen is null)
        {
            return;
        }

        foreach (var (value, syntax) in values)
        {
            var parameter = syntax.NameColon is { } nameColon
                ? chosen.Parameters.FirstOrDefault(p => p.Name == nameColon.Name.Identifier.ValueText)
                : argumentList.Arguments.IndexOf(syntax) is var index && index < chosen.Parameters.Length ? chosen.Parameters[index] : null;
            if (parameter is not null && IsCarrierType(parameter.Type))
            {
                Store(parameter.OriginalDefinition, value, isDeclaration: false, containing);
                if (chosen.MethodKind == MethodKind.Constructor && RecordProperty(chosen.ContainingType, parameter) is { } property)
                {
                    _summary.AddEdge(property, parameter.OriginalDefinition);
                }
            }
        }
    }

    private static bool HasUnresolvedArgument(IInvalidOperation invalid, Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentListSyntax argumentList)
    {
        foreach (var child in invalid.ChildOperations)
        {
            var value = child is IArgumentOperation argument ? argument.Value : child;
            if (value.Syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax syntax && syntax.Parent == argumentList
                && (value is IInvalidOperation || value.Type is null or { TypeKind: TypeKind.Error }))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The candidate takes this many arguments, and every named one.</summary>
    private static bool Fits(IMethodSymbol method, Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentListSyntax arguments)
    {
        if (arguments.Arguments.Count > method.Parameters.Length)
        {
            return false;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon is { } nameColon && !method.Parameters.Any(p => p.Name == nameColon.Name.Identifier.ValueText))
            {
                return false;
            }
        }

        return method.Parameters.Count(p => !p.IsOptional && !p.IsParams) <= arguments.Arguments.Count;
    }

    /// <summary>The property a record's primary-constructor parameter initializes (same name, declared in the record).</summary>
    private IPropertySymbol? RecordProperty(INamedTypeSymbol type, IParameterSymbol parameter)
    {
        if (!type.IsRecord)
        {
            return null;
        }

        foreach (var member in type.GetMembers(parameter.Name))
        {
            if (member is IPropertySymbol property && IsCarrierType(property.Type))
            {
                return property.OriginalDefinition;
            }
        }

        return null;
    }

    private AddressSinkKind? SinkKindOf(IMethodSymbol method)
    {
        // Called for every call with arguments: the method's or the constructed type's simple name rejects nearly all
        // of them before the containing type, its namespace or the parameters are read.
        var name = method.Name;
        if (name == WellKnownMemberNames.InstanceConstructorName)
        {
            var type = method.ContainingType;
            if (type.Name is not ("TcpListener" or "UdpClient" or "Bind"))
            {
                return null;
            }

            if (_symbols.Is(type, _symbols.TcpListener) && FirstParameterType(method) is var listenerFirst
                && (_symbols.Is(listenerFirst, _symbols.IPAddress) || _symbols.Is(listenerFirst, _symbols.IPEndPoint)))
            {
                return AddressSinkKind.Bind;
            }

            if (_symbols.Is(type, _symbols.UdpClient) && _symbols.Is(FirstParameterType(method), _symbols.IPEndPoint))
            {
                return AddressSinkKind.Bind;
            }

            // A bind command of another library's actor IO (Akka's new Tcp.Bind(handler, endPoint)): named Bind, takes the endpoint.
            return type.Name == "Bind" && !AddressTrace.IsInSource(method, _assembly) && method.Parameters.Any(p => IsAddressType(p.Type))
                ? AddressSinkKind.Bind
                : null;
        }

        if (name is not ("Bind" or "BindAsync" or "Listen" or "ListenAsync" or "Connect" or "ConnectAsync" or "BeginConnect"))
        {
            return null;
        }

        var containingType = method.ContainingType;
        switch (name)
        {
            case "Bind" when _symbols.Is(containingType, _symbols.Socket):
            case "Listen" when _symbols.Is(containingType, _symbols.KestrelServerOptions):
            case "BindAsync" when ImplementsConnectionListenerFactory(containingType):
                return AddressSinkKind.Bind;
            case "Connect" or "ConnectAsync" or "BeginConnect"
                when _symbols.Is(containingType, _symbols.Socket) || _symbols.Is(containingType, _symbols.TcpClient) || _symbols.Is(containingType, _symbols.UdpClient):
                return AddressSinkKind.Connect;
            default:
                // Another library's listen call that takes the endpoint (DotNetty's ServerBootstrap.BindAsync(EndPoint)).
                return ListenNames.IsListenCallName(name) && method.Parameters.Length > 0 && IsAddressType(method.Parameters[0].Type)
                    && !AddressTrace.IsInSource(method, _assembly)
                    ? AddressSinkKind.Bind
                    : null;
        }
    }

    private static ITypeSymbol? FirstParameterType(IMethodSymbol method) =>
        method.Parameters.Length > 0 ? method.Parameters[0].Type : null;

    /// <summary>The argument for the sink's first address-typed parameter (the endpoint of <c>new Tcp.Bind(handler, endPoint)</c>).</summary>
    private IOperation? AddressArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        IArgumentOperation? found = null;
        foreach (var argument in arguments)
        {
            // Host strings count too: TcpClient.BeginConnect(string host, int port, …) reads a host kept from an address.
            if (argument.Parameter is { } parameter && IsCarrierType(parameter.Type) && (found is null || parameter.Ordinal < found.Parameter!.Ordinal))
            {
                found = argument;
            }
        }

        return found?.Value;
    }

    private bool IsAddressType(ITypeSymbol? type) =>
        _symbols.Is(type, _symbols.IPAddress) || _symbols.Is(type, _symbols.IPEndPoint) || _symbols.Is(type, _symbols.EndPoint);

    private bool ImplementsConnectionListenerFactory(INamedTypeSymbol? type) =>
        type is not null && _symbols.ConnectionListenerFactory is { } factory
        && (_symbols.Is(type, factory) || type.AllInterfaces.Any(i => _symbols.Is(i, factory)));

    private void Sink(IOperation call, ISymbol containing, string sinkName, AddressSinkKind kind, IOperation address)
    {
        if (!IsCarrierType(address.Type))
        {
            return;
        }

        var familyAware = false;
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
            if (facts.UsesIPv4BroadcastOrMulticast
                || (_symbols.Is(call.Type, _symbols.UdpClient) && containing.ContainingType is { } listenerType
                    && _typeTextFacts.SpeaksBroadcast(listenerType)))
            {
                // A broadcast or multicast listener is IPv4 by protocol: a value it binds is accounted for, and
                // neither a Warning nor the name-based Info applies to it.
                Broadcast(address);
                return;
            }

            familyAware = facts.HandlesIPv6;
        }

        var description = sinkName + " in '" + MemberName(containing) + "'";
        foreach (var step in AddressTrace.Trace(address, _symbols, _assembly))
        {
            if (step.Carrier is { } carrier)
            {
                if (familyAware)
                {
                    _summary.AddFamilyAwareBindSink(carrier, description);
                }
                else
                {
                    _summary.AddSink(carrier, kind, description);
                }
            }
        }
    }

    private void Broadcast(IOperation address)
    {
        foreach (var step in AddressTrace.Trace(address, _symbols, _assembly))
        {
            if (step.Carrier is { } carrier)
            {
                _summary.AddBroadcastBindSink(carrier);
            }
        }
    }

    /// <param name="targetType">The carrier's type when the caller has it at hand (a parameter's, a local's), else null.</param>
    private void Store(ISymbol target, IOperation value, bool isDeclaration, ISymbol containing, ITypeSymbol? targetType = null)
    {
        var isString = (targetType ?? TypeOf(target))?.SpecialType == SpecialType.System_String;
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

                var reportedWithoutSink = kind == AddressOriginKind.FirstDnsAnswer && FirstDnsAnswerOwnership.FlowOwns(step.Operation, containing, _assembly);
                _summary.AddOrigin(new AddressOrigin(target, kind, step.Operation.Syntax, reportedWithoutSink));
            }
            else if (step.Carrier is { } source && (!isString || NamesAddress(target.Name) || NamesAddress(source.Name)))
            {
                // Strings are everywhere; only those named as addresses carry one as far as this flow is concerned.
                _summary.AddEdge(target, source);
            }
        }
    }

    private static bool NamesAddress(string name)
    {
        // A cache per thread: no lock and no shared hashing state on a call made for every string stored, and names
        // repeat across compilations (the cache outlives them, bounded by clearing it when full).
        var cache = t_addressNames ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (cache.TryGetValue(name, out var names))
        {
            return names;
        }

        if (cache.Count >= MaxCachedNames)
        {
            cache.Clear();
        }

        names = AddressNames.LooksLikeAddress(name);
        cache[name] = names;
        return names;
    }

    /// <summary>
    /// The value is, or picks between, the "0.0.0.0" literal or <c>IPAddress.Any.ToString()</c>. Decided on the
    /// operation's kind first: called for every string stored, where interface type tests cost more than the answer.
    /// A literal is read from its token, which holds the parsed text: the operation's constant value turns the
    /// compiler's string rope into a string (cached only through a weak reference), most of this check's time.
    /// </summary>
    private static bool MayHoldWildcardText(IOperation value) => value.Kind switch
    {
        OperationKind.Conversion => MayHoldWildcardText(((IConversionOperation)value).Operand),
        OperationKind.Literal => value.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax { Token.ValueText: "0.0.0.0" },
        OperationKind.Invocation => value is IInvocationOperation { TargetMethod.Name: "ToString", Instance: not null },
        OperationKind.Coalesce => value is ICoalesceOperation coalesce && (MayHoldWildcardText(coalesce.Value) || MayHoldWildcardText(coalesce.WhenNull)),
        OperationKind.Conditional => value is IConditionalOperation { WhenFalse: { } whenFalse } conditional
            && (MayHoldWildcardText(conditional.WhenTrue) || MayHoldWildcardText(whenFalse)),
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

        if (WildcardWords.MapsWildcardWord(origin))
        {
            // "any" (or "*", "+") means every address to whoever configures it; an "IPv6Any" word beside it does not
            // make the generic word dual-stack.
            return false;
        }

        var facts = SocketBlockFacts.For(origin, _symbols);
        if (facts.HandlesIPv6 || facts.UsesIPv4BroadcastOrMulticast)
        {
            return true;
        }

        // A type that keeps an IPv6 wildcard beside this one has two families, unless this slot is the IPv6 one.
        return target.ContainingType is { } type && !ListenNames.NamesIPv6(target)
            && _typeTextFacts.KeepsIPv6Wildcard(type);
    }

    /// <summary>
    /// Two-family options (BoundAddress = Any beside BoundAddressV6 = IPv6Any): the type stores, returns or passes the
    /// IPv6 wildcard or family somewhere. A comparison (<c>Equals(value, IPAddress.IPv6Any)</c> in a validator that
    /// rejects both wildcards) keeps no second family.
    /// </summary>
    internal static bool TypeKeepsIPv6Wildcard(INamedTypeSymbol type)
    {
        // Each mention is found in the tree's text and its token looked up: the type's text is not copied, and only the
        // identifiers that spell a word are read (not every node of a large class).
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var text = reference.SyntaxTree.GetText();
            SyntaxNode? node = null;
            foreach (var word in IPv6WildcardWords)
            {
                for (var position = SourceTextSearch.IndexOf(text, word, reference.Span);
                     position >= 0;
                     position = SourceTextSearch.IndexOf(text, word, TextSpan.FromBounds(position + word.Length, reference.Span.End)))
                {
                    node ??= reference.GetSyntax();
                    if (node.FindToken(position).Parent is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name
                        && name.Identifier.ValueText == word && !IsComparedOnly(name))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static readonly string[] IPv6WildcardWords = ["IPv6Any", "InterNetworkV6"];

    /// <summary>The name is an operand of <c>==</c>/<c>!=</c> or an argument of <c>Equals</c>: it is tested against, not kept.</summary>
    private static bool IsComparedOnly(SyntaxNode name)
    {
        var node = name.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return node.Parent switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax binary =>
                binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EqualsExpression) || binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NotEqualsExpression),
            Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { Parent.Parent: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation } =>
                invocation.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax { Identifier.ValueText: "Equals" }
                    or Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Equals" },
            _ => false,
        };
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

        // A member of another assembly counts only when its name says it is the listen address
        // (options.SiloListeningEndpoint = … on an options type from a referenced project): name evidence, Info.
        return symbol is not null && IsCarrierType(TypeOf(symbol))
            && (symbol is ILocalSymbol or IParameterSymbol || AddressTrace.IsInSource(symbol, _assembly) || ListenNames.NamesListenAddress(symbol))
            ? AddressTrace.Carrier(symbol)
            : null;
    }

    private bool IsCarrierType(ITypeSymbol? type) => IsCarrierType(type, _symbols);

    /// <summary>Whether values of this type are followed: strings, and IPAddress, IPEndPoint and EndPoint (also as a task's result or nullable).</summary>
    internal static bool IsCarrierType(ITypeSymbol? type, SocketSymbols symbols)
    {
        if (type is null)
        {
            return false;
        }

        // Called for most values stored or passed: the simple name, read once, rejects nearly every type before its
        // special type, type arguments (which allocate) or namespace are read.
        var name = type.Name;
        if (name is "Task" or "ValueTask" or "Nullable" && type is INamedTypeSymbol { IsGenericType: true } generic
            && generic.TypeArguments is { Length: 1 } arguments)
        {
            type = arguments[0];
            name = type.Name;
        }

        return name switch
        {
            "String" => type.SpecialType == SpecialType.System_String,
            "IPAddress" => symbols.Is(type, symbols.IPAddress),
            "IPEndPoint" => symbols.Is(type, symbols.IPEndPoint),
            "EndPoint" => symbols.Is(type, symbols.EndPoint),
            _ => false,
        };
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
