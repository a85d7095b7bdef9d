using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// Proves that a host string reaches a network or URL parser: used directly as a host (<c>Dns.GetHostAddresses(h)</c>,
/// <c>new DnsEndPoint(h, p)</c>, <c>Connect(h, p)</c>, <c>IPAddress.Parse(h)</c>) or as the host of a composed
/// <c>host:port</c>/URL that a parser takes (<c>GrpcChannel.ForAddress($"http://{h}:{p}")</c>, through one local), in
/// this member; or stored in a string field or property (or returned by a method) of this compilation that some member
/// reads in such a place. The cross-member question is answered once per field, property or method and cached for the
/// compilation; it is asked only by diagnostics already found on other evidence, and it reads only the files whose text
/// names the member (only the declaring files for a private one).
/// </summary>
internal sealed class HostSinkReach
{
    private const int MaxMembersPerCompilation = 64;

    private readonly StringRuleSymbols _symbols;
    private readonly ConcurrentDictionary<ISymbol, string?> _members = new(SymbolEqualityComparer.Default);

    public HostSinkReach(StringRuleSymbols symbols) => _symbols = symbols;

    /// <summary>
    /// What the host value reaches, for messages ("GrpcChannel.ForAddress through 'Info.Host'"), or null when no parser is
    /// proven. <paramref name="value"/> is a read of the host: a split piece, a selected address's text.
    /// </summary>
    public string? Of(IOperation value, Compilation compilation)
    {
        var current = ClimbStringCalls(value);
        return current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => ThroughLocal(current, declarator.Symbol, compilation),
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current =>
                ThroughLocal(current, local.Local, compilation),
            _ => Use(current, compilation),
        };
    }

    /// <summary>Stored in a member, returned, or used right here as a host.</summary>
    private string? Use(IOperation current, Compilation compilation)
    {
        switch (current.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Value == current && StoredMember(assignment.Target) is { } member:
                return MemberSink(member, compilation) is { } sink ? sink + " through '" + member.ContainingType?.Name + "." + member.Name + "'" : null;
            case IReturnOperation when current.SemanticModel?.GetEnclosingSymbol(current.Syntax.SpanStart) is IMethodSymbol method:
                return OfReturnedBy(method, compilation);
            default:
                return DirectUse(current);
        }
    }

    /// <summary>The host a method of this compilation returns reaches a parser wherever the method is called.</summary>
    public string? OfReturnedBy(IMethodSymbol method, Compilation compilation) =>
        IsFollowed(method) && MemberSink(method.OriginalDefinition, compilation) is { } sink ? sink + " through the result of '" + method.Name + "'" : null;

    private string? ThroughLocal(IOperation definition, ILocalSymbol local, Compilation compilation)
    {
        foreach (var operation in definition.GetRoot().Descendants())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && !(reference.Parent is ISimpleAssignmentOperation target && target.Target == reference))
            {
                if (Use(ClimbStringCalls(reference), compilation) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>A string field or property declared in this compilation (the piece is stored to be used elsewhere).</summary>
    private static ISymbol? StoredMember(IOperation target)
    {
        ISymbol? member = target switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };

        return member is not null && IsFollowed(member) ? member.OriginalDefinition : null;
    }

    private static bool IsFollowed(ISymbol member) =>
        member.DeclaringSyntaxReferences.Length > 0 && !member.IsAbstract && !member.IsVirtual && !member.IsOverride
        && member switch
        {
            IPropertySymbol property => property.Type.SpecialType == SpecialType.System_String,
            IFieldSymbol field => field.Type.SpecialType == SpecialType.System_String,
            IMethodSymbol method => method.MethodKind == MethodKind.Ordinary && method.ReturnType.SpecialType == SpecialType.System_String,
            _ => false,
        };

    private string? MemberSink(ISymbol member, Compilation compilation)
    {
        if (_members.Count >= MaxMembersPerCompilation && !_members.ContainsKey(member))
        {
            return null;
        }

        return _members.GetOrAdd(member, m => FindReads(m, compilation));
    }

    /// <summary>Reads of the member (calls, for a method) anywhere they can be written, used as a host of a parser.</summary>
    private string? FindReads(ISymbol member, Compilation compilation)
    {
        var trees = member.DeclaredAccessibility == Accessibility.Private
            ? member.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct()
            : compilation.SyntaxTrees;
        foreach (var tree in trees)
        {
            if (tree.GetText().ToString().IndexOf(member.Name, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != member.Name)
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                SyntaxNode node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                if (member is IMethodSymbol && node.Parent is InvocationExpressionSyntax invocation)
                {
                    node = invocation;
                }

                if (model.GetOperation(node) is not { } read || !Reads(read, member))
                {
                    continue;
                }

                if (DirectUse(ClimbStringCalls(read)) is { } sink)
                {
                    return sink + " in '" + EnclosingName(node) + "'";
                }
            }
        }

        return null;
    }

    private static bool Reads(IOperation operation, ISymbol member)
    {
        var symbol = operation switch
        {
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IInvocationOperation invocation => invocation.TargetMethod.OriginalDefinition,
            _ => (ISymbol?)null,
        };

        return symbol is not null && SymbolEqualityComparer.Default.Equals(symbol, member)
            && !(operation.Parent is ISimpleAssignmentOperation assignment && assignment.Target == operation);
    }

    private static string EnclosingName(SyntaxNode node)
    {
        var member = node.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault();
        var type = node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault();
        var memberName = member switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            ConstructorDeclarationSyntax => "constructor",
            _ => null,
        };

        return type?.Identifier.ValueText + (memberName is null ? string.Empty : "." + memberName);
    }

    /// <summary>Looks through string calls on the value (<c>Trim()</c>, <c>Replace("//", "")</c>), which keep it a host.</summary>
    private static IOperation ClimbStringCalls(IOperation value)
    {
        var current = value;
        while (current.Parent is IConversionOperation or IParenthesizedOperation
            || (current.Parent is IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String } call
                && call.Instance == current && call.Type?.SpecialType == SpecialType.System_String)
            || (current.Parent is IConditionalAccessOperation access && access.Operation == current))
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>The value is a host argument of a network API, or the host of a composition a parser takes.</summary>
    private string? DirectUse(IOperation current)
    {
        switch (current.Parent)
        {
            case IArgumentOperation { Parent: { } call } argument:
                if (IsDnsHost(argument))
                {
                    return "Dns." + ((IInvocationOperation)call).TargetMethod.Name;
                }

                foreach (var sink in NetworkSinks.Find(call, _symbols))
                {
                    if (sink.Kind == SinkKind.Host && sink.Value.WalkDownConversions() == current.WalkDownConversions())
                    {
                        return sink.Name;
                    }
                }

                return null;
            case IInterpolationOperation:
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }:
                return CompositionSink(current);
            default:
                return null;
        }
    }

    private bool IsDnsHost(IArgumentOperation argument) =>
        argument.Parent is IInvocationOperation { TargetMethod: { } method }
        && StringRuleSymbols.Is(method.ContainingType, _symbols.Dns)
        && argument.Parameter?.Type.SpecialType == SpecialType.System_String;

    /// <summary>The value is the host of the composition around it (first, or after "://" or '@', and followed by ':'), which a parser takes.</summary>
    private string? CompositionSink(IOperation hostValue)
    {
        IOperation composition = hostValue;
        while (composition.Parent is IInterpolationOperation or IInterpolatedStringOperation or IConversionOperation or IParenthesizedOperation
            || composition.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && binary.Type?.SpecialType == SpecialType.System_String)
        {
            composition = composition.Parent;
        }

        if (StringPieces.From(composition) is not { } pieces || !IsHostHole(pieces, hostValue))
        {
            return null;
        }

        return ParserOf(composition, depth: 0);
    }

    private static bool IsHostHole(StringPieces pieces, IOperation hostValue)
    {
        var text = pieces.Text;
        var target = hostValue.WalkDownConversions();
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == StringPieces.HoleChar && text[i + 1] == ':' && pieces.HoleAt(i)?.WalkDownConversions() == target
                && (i == 0 || (i >= 3 && string.CompareOrdinal(text, i - 3, "://", 0, 3) == 0) || text[i - 1] == '@'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The URL or host:port parser that takes the composed text, directly or through one local.</summary>
    private string? ParserOf(IOperation composition, int depth)
    {
        var user = composition.Parent;
        while (user is IConversionOperation or IParenthesizedOperation)
        {
            user = user.Parent;
        }

        switch (user)
        {
            case IArgumentOperation { Parent: IInvalidOperation invalid }:
                return UnresolvedSinks.UrlArgument(invalid) is { } viaArgument && viaArgument.Value.WalkDownConversions() == composition.WalkDownConversions()
                    ? viaArgument.Name
                    : null;
            case IArgumentOperation { Parent: { } call }:
                foreach (var sink in NetworkSinks.Find(call, _symbols))
                {
                    if (sink.Kind != SinkKind.Host && sink.Value.WalkDownConversions() == composition.WalkDownConversions())
                    {
                        return sink.Name;
                    }
                }

                return null;
            case IInvalidOperation invalid when UnresolvedSinks.UrlArgument(invalid) is { } unresolved && unresolved.Value == composition:
                return unresolved.Name;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth == 0:
                return LocalParser(composition, declarator.Symbol);
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when depth == 0 && assignment.Value == composition:
                return LocalParser(composition, local.Local);
            default:
                return null;
        }
    }

    private string? LocalParser(IOperation composition, ILocalSymbol local)
    {
        foreach (var operation in composition.GetRoot().Descendants())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && !(reference.Parent is ISimpleAssignmentOperation target && target.Target == reference)
                && ParserOf(reference, depth: 1) is { } sink)
            {
                return sink;
            }
        }

        return null;
    }
}
