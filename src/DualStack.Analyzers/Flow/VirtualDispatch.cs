using DualStack.Analyzers.Sockets;
using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.Flow;

/// <summary>
/// Virtual dispatch for the flow: an argument passed to a base or interface method of this compilation arrives in the
/// parameter of each override and implementation (<c>channel.BindAsync(endPoint)</c> reaching
/// <c>TcpServerSocketChannel.DoBind</c>). Worked out on demand, for the parameters the compilation-end walks reach,
/// rather than for every method of every type while the operations are collected: those walks start from the few
/// carriers a sink reads or an origin is stored in, so most types are never looked at (reading every method's
/// interfaces and parameters was a fifth of the analyzer's time on Fleck).
/// <para>
/// A link joins the parameter of an override or implementation (the value's target) to the same parameter of the
/// method it overrides (one level; the next level is that method's own link) or implements, explicitly or
/// implicitly, when that method is in this compilation. Only methods with an <c>IPAddress</c>, <c>IPEndPoint</c>
/// or <c>EndPoint</c> parameter are linked, and then each of their address or string parameters.
/// </para>
/// Used from the compilation-end action only (one thread); the caches are not locked.
/// </summary>
internal sealed class VirtualDispatch
{
    private readonly Compilation _compilation;
    private readonly SocketSymbols _symbols;
    private readonly Dictionary<ISymbol, List<ISymbol>> _declared = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<ISymbol>> _implementing = new(SymbolEqualityComparer.Default);
    private List<INamedTypeSymbol>? _sourceTypes;

    public VirtualDispatch(Compilation compilation, SocketSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
    }

    /// <summary>
    /// For a parameter of an override or interface implementation: the same parameter of the methods of this
    /// compilation it overrides or implements, whose values it receives.
    /// </summary>
    public IReadOnlyList<ISymbol> DeclaredParametersOf(ISymbol carrier)
    {
        if (carrier is not IParameterSymbol parameter)
        {
            return [];
        }

        if (!_declared.TryGetValue(parameter, out var declared))
        {
            declared = FindDeclaredParameters(parameter);
            _declared[parameter] = declared;
        }

        return declared;
    }

    /// <summary>
    /// For a parameter of a virtual, abstract or interface method of this compilation: the same parameter of its
    /// overrides and implementations, which receive its values. The reverse of <see cref="DeclaredParametersOf"/>,
    /// found by asking that of the parameters of every method with the same name in the implementing types.
    /// </summary>
    public IReadOnlyList<ISymbol> ImplementingParametersOf(ISymbol carrier)
    {
        if (carrier is not IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter || !MayBeDispatched(method))
        {
            return [];
        }

        if (!_implementing.TryGetValue(parameter, out var implementing))
        {
            implementing = FindImplementingParameters(parameter, method);
            _implementing[parameter] = implementing;
        }

        return implementing;
    }

    private List<ISymbol> FindDeclaredParameters(IParameterSymbol parameter)
    {
        var found = new List<ISymbol>();
        if (parameter.ContainingSymbol is not IMethodSymbol { IsStatic: false, IsImplicitlyDeclared: false } method
            || method.ContainingType is not { } type || !IsInSource(method) || !IsCarrierType(parameter.Type))
        {
            return found;
        }

        var baseInSource = type.BaseType is { } baseType && IsInSource(baseType);

        // A public method implements an interface member implicitly only under that member's name.
        var implementsImplicitly = method.DeclaredAccessibility == Accessibility.Public && ImplementsImplicitlyByName(type, (method.AssociatedSymbol ?? method).Name);
        var overridesOrImplementsExplicitly = (method.IsOverride && baseInSource) || !method.ExplicitInterfaceImplementations.IsEmpty;
        if (!(overridesOrImplementsExplicitly || implementsImplicitly) || !HasAddressParameter(method))
        {
            return found;
        }

        if (method.OverriddenMethod is { } overridden)
        {
            AddParameter(found, overridden, parameter.Ordinal);
        }

        foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
        {
            AddParameter(found, explicitImplementation, parameter.Ordinal);
        }

        if (implementsImplicitly)
        {
            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol candidate && candidate.Parameters.Length == method.Parameters.Length
                        && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), method))
                    {
                        AddParameter(found, candidate, parameter.Ordinal);
                    }
                }
            }
        }

        return found;
    }

    private List<ISymbol> FindImplementingParameters(IParameterSymbol parameter, IMethodSymbol method)
    {
        var found = new List<ISymbol>();
        var declaringType = method.ContainingType;
        foreach (var type in SourceTypes())
        {
            if (!Derives(type, declaringType))
            {
                continue;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol candidate && !SymbolEqualityComparer.Default.Equals(candidate, method)
                    && parameter.Ordinal < candidate.Parameters.Length)
                {
                    var candidateParameter = candidate.Parameters[parameter.Ordinal];
                    foreach (var declared in DeclaredParametersOf(candidateParameter))
                    {
                        if (SymbolEqualityComparer.Default.Equals(declared, parameter))
                        {
                            found.Add(candidateParameter.OriginalDefinition);
                            break;
                        }
                    }
                }
            }
        }

        return found;
    }

    /// <summary>A method another can override or implement: the flow links only those.</summary>
    private bool MayBeDispatched(IMethodSymbol method) =>
        !method.IsStatic && IsInSource(method)
        && (method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface);

    private static bool Derives(INamedTypeSymbol type, INamedTypeSymbol declaringType)
    {
        if (declaringType.TypeKind == TypeKind.Interface)
        {
            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, declaringType.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(baseType.OriginalDefinition, declaringType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private List<INamedTypeSymbol> SourceTypes()
    {
        if (_sourceTypes is null)
        {
            _sourceTypes = [];
            AddTypes(_compilation.Assembly.GlobalNamespace, _sourceTypes);
        }

        return _sourceTypes;
    }

    private static void AddTypes(INamespaceOrTypeSymbol container, List<INamedTypeSymbol> types)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol @namespace)
            {
                AddTypes(@namespace, types);
            }
            else if (member is INamedTypeSymbol type && type.TypeKind is not (TypeKind.Enum or TypeKind.Delegate))
            {
                types.Add(type);
                AddTypes(type, types);
            }
        }
    }

    private bool ImplementsImplicitlyByName(INamedTypeSymbol type, string name)
    {
        foreach (var @interface in type.AllInterfaces)
        {
            if (IsInSource(@interface) && @interface.MemberNames.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasAddressParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType != SpecialType.System_String && IsCarrierType(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    private void AddParameter(List<ISymbol> found, IMethodSymbol declared, int ordinal)
    {
        if (IsInSource(declared) && ordinal < declared.Parameters.Length)
        {
            found.Add(declared.OriginalDefinition.Parameters[ordinal]);
        }
    }

    private bool IsCarrierType(ITypeSymbol? type) => AddressFlowCollector.IsCarrierType(type, _symbols);

    private bool IsInSource(ISymbol symbol) => AddressTrace.IsInSource(symbol, _compilation.Assembly);
}
