using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// Small, bounded data-flow helpers for the string rules: strip conversions, find the member's operation root, and
/// follow a local or field to its single definition in the same member (declaration initializer or one assignment).
/// Anything more (loops, several assignments, out arguments) is treated as unknown, so rules stay quiet.
/// </summary>
internal static class OperationFlow
{
    private const int MaxDepth = 8;

    /// <summary>The name of the local, parameter, field or property <paramref name="operation"/> reads, if it reads one.</summary>
    public static string? ReferencedName(IOperation? operation) => operation?.WalkDownConversions() switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        _ => null,
    };

    public static IOperation WalkDownConversions(this IOperation operation)
    {
        var current = operation;
        while (true)
        {
            switch (current)
            {
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    break;
                default:
                    return current;
            }
        }
    }

    /// <summary>The parents of the operation, innermost first.</summary>
    public static IEnumerable<IOperation> Ancestors(this IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            yield return current;
        }
    }

    /// <summary>The outermost operation of the member (method body, field initializer, top-level statements).</summary>
    public static IOperation GetRoot(this IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>
    /// Follows locals and fields to the value they were given in the same member, when that value is unique.
    /// Returns the operation itself when it is not a reference or its definition is ambiguous.
    /// </summary>
    public static IOperation ResolveValue(this IOperation operation) => ResolveValue(operation, 0);

    private static IOperation ResolveValue(IOperation operation, int depth)
    {
        var value = operation.WalkDownConversions();
        if (depth >= MaxDepth || value.ConstantValue.HasValue)
        {
            return value;
        }

        ISymbol? symbol = value switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation field when !field.Field.IsConst => field.Field,
            _ => null,
        };
        if (symbol is null)
        {
            return value;
        }

        var definition = FindSingleDefinition(value.GetRoot(), symbol, value.SemanticModel);
        return definition is null ? value : ResolveValue(definition, depth + 1);
    }

    /// <summary>The reference is the target of a write (assignment, out/ref argument, increment).</summary>
    private static bool IsWritten(IOperation reference) => reference.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == reference,
        IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref,
        IIncrementOrDecrementOperation => true,
        ITupleOperation => true,
        _ => false,
    };

    private static IOperation? FindSingleDefinition(IOperation root, ISymbol symbol, SemanticModel? model)
    {
        IOperation? found = null;
        var count = 0;
        foreach (var descendant in root.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol):
                    var initializer = declarator.GetVariableInitializer();
                    if (initializer is not null)
                    {
                        found = initializer.Value;
                        count++;
                    }

                    break;
                case ILocalReferenceOperation local when SymbolEqualityComparer.Default.Equals(local.Local, symbol) && IsWritten(local):
                    count++;
                    found = (local.Parent as ISimpleAssignmentOperation)?.Value;
                    break;
                case IFieldReferenceOperation field when SymbolEqualityComparer.Default.Equals(field.Field, symbol) && IsWritten(field):
                    count++;
                    found = (field.Parent as ISimpleAssignmentOperation)?.Value;
                    break;
            }
        }

        if (count == 0 && symbol is IFieldSymbol { IsReadOnly: true } readOnlyField)
        {
            return FieldInitializer(readOnlyField, model);
        }

        return count == 1 ? found : null;
    }

    /// <summary>A readonly field's initializer, when it is declared in the tree being analysed.</summary>
    private static IOperation? FieldInitializer(IFieldSymbol field, SemanticModel? model)
    {
        if (model is null || field.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var reference = field.DeclaringSyntaxReferences[0];
        if (reference.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var declarator = reference.GetSyntax();
        if (declarator is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } equalsValue })
        {
            return model.GetOperation(equalsValue.Value);
        }

        return null;
    }

    /// <summary>True when some operation of the member satisfies <paramref name="predicate"/> (guards, sibling branches).</summary>
    public static bool MemberContains(this IOperation operation, Func<IOperation, bool> predicate)
    {
        foreach (var descendant in operation.GetRoot().DescendantsAndSelf())
        {
            if (predicate(descendant))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The method or property <paramref name="containingSymbol"/> (an operation's) belongs to, through lambdas and local functions.</summary>
    public static ISymbol? ContainingMember(ISymbol? containingSymbol)
    {
        var symbol = containingSymbol;
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }
}
