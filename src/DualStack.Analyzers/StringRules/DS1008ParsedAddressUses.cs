using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// Where the result of <c>IPAddress.Parse</c>/<c>IPEndPoint.Parse</c> goes. A parse is not a network sink by itself:
/// a table of private ranges and masks that only ranks or compares addresses by their bytes never reaches a socket.
/// The uses are followed through locals, tuples, arrays, <c>foreach</c> variables and private fields of the same
/// type (in the same file); the literal is harmless only when every use is found and each one inspects the address
/// (its bytes, family or flags, an equality or comparison) instead of passing it on. Anything else, including a
/// use that cannot be followed (a non-private field, a return, an unknown method), counts as reaching the network.
/// </summary>
internal static class DS1008ParsedAddressUses
{
    // Bounds the walk: these uses are followed only for a parsed IPv4 literal, which is rare, but a table could be
    // read in many places.
    private const int MaxUses = 64;
    private const int MaxDepth = 6;

    public static bool OnlyInspected(IOperation parse)
    {
        var budget = new Budget();
        return UseIsInspection(parse, 0, budget);
    }

    private sealed class Budget
    {
        private int _left = MaxUses;

        public bool Take() => _left-- > 0;
    }

    private static bool UseIsInspection(IOperation value, int depth, Budget budget)
    {
        if (depth > MaxDepth || !budget.Take())
        {
            return false;
        }

        switch (value.Parent)
        {
            case IConversionOperation or IParenthesizedOperation:
                return UseIsInspection(value.Parent, depth, budget);

            // An element of a table: the table is followed as a whole (what is read out of it is the element again).
            case ITupleOperation or IArrayInitializerOperation:
                return UseIsInspection(value.Parent, depth + 1, budget);
            case IArrayCreationOperation creation when creation.Initializer == value:
                return UseIsInspection(creation, depth, budget);
            case IFieldReferenceOperation { Field.ContainingType.IsTupleType: true } element when element.Instance == value:
                return UseIsInspection(element, depth + 1, budget);
            case IArrayElementReferenceOperation element when element.ArrayReference == value:
                return UseIsInspection(element, depth + 1, budget);
            case IForEachLoopOperation loop when loop.Collection == value:
                return !loop.Locals.IsEmpty && loop.Locals.All(local => LocalUsesAreInspections(local, loop.Body, depth + 1, budget));

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return LocalUsesAreInspections(declarator.Symbol, value.GetRoot(), depth + 1, budget);
            case IFieldInitializerOperation initializer:
                return initializer.InitializedFields.All(field => FieldUsesAreInspections(field, value, depth + 1, budget));
            case ISimpleAssignmentOperation assignment when assignment.Value == value:
                return assignment.Target switch
                {
                    ILocalReferenceOperation local => LocalUsesAreInspections(local.Local, value.GetRoot(), depth + 1, budget),
                    IFieldReferenceOperation field => FieldUsesAreInspections(field.Field, value, depth + 1, budget),
                    _ => false,
                };

            // Equality, comparison, pattern tests.
            case IBinaryOperation or IIsPatternOperation or IIsTypeOperation:
                return true;

            // A member of the address or endpoint itself: its bytes, family and flags are inspections; what yields
            // another address (MapToIPv6, IPEndPoint.Address) is followed, and a string (ToString) may become a host.
            case IInvocationOperation invocation when invocation.Instance == value:
                return IsInspectionResult(invocation, invocation.TargetMethod.ReturnType, depth, budget);
            case IPropertyReferenceOperation property when property.Instance == value:
                return IsInspectionResult(property, property.Property.Type, depth, budget);

            case IArgumentOperation { Parameter.ContainingSymbol: IMethodSymbol method }:
                return IsComparison(method);

            default:
                return false;
        }
    }

    private static bool IsInspectionResult(IOperation member, ITypeSymbol type, int depth, Budget budget) =>
        type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Int32 or SpecialType.System_Int64
            || type.TypeKind == TypeKind.Enum
            || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
            || (type.SpecialType != SpecialType.System_String && UseIsInspection(member, depth + 1, budget));

    /// <summary>The address is an argument of an equality or ordering test, or of the IPNetwork subnet type.</summary>
    private static bool IsComparison(IMethodSymbol method) =>
        method.Name is "Equals" or "ReferenceEquals" or "CompareTo" or "Compare" or "Contains" or "SequenceEqual" or "IndexOf"
        || method.ContainingType is { Name: "IPNetwork", ContainingNamespace.Name: "Net" };

    private static bool LocalUsesAreInspections(ILocalSymbol local, IOperation scope, int depth, Budget budget)
    {
        var found = false;
        foreach (var reference in scope.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local) || IsWritten(reference))
            {
                continue;
            }

            found = true;
            if (!UseIsInspection(reference, depth, budget))
            {
                return false;
            }
        }

        return found;
    }

    /// <summary>
    /// A private field is read only inside its type: every read in the type's declarations of this file is followed.
    /// A field visible elsewhere, or a type declared across files, cannot be followed completely.
    /// </summary>
    private static bool FieldUsesAreInspections(IFieldSymbol field, IOperation origin, int depth, Budget budget)
    {
        var model = origin.SemanticModel;
        if (field.DeclaredAccessibility != Accessibility.Private || model is null)
        {
            return false;
        }

        var found = false;
        foreach (var declaration in field.ContainingType.DeclaringSyntaxReferences)
        {
            if (declaration.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            foreach (var name in declaration.GetSyntax().DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != field.Name
                    || model.GetOperation(name) is not IFieldReferenceOperation reference
                    || !SymbolEqualityComparer.Default.Equals(reference.Field, field)
                    || IsWritten(reference))
                {
                    continue;
                }

                found = true;
                if (!UseIsInspection(reference, depth, budget))
                {
                    return false;
                }
            }
        }

        return found;
    }

    private static bool IsWritten(IOperation reference) =>
        reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;
}
