using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Sockets;

/// <summary>
/// Follows a value back to the expression that produced it, so <c>var any = IPAddress.Any; new TcpListener(any, p)</c>
/// is seen like the inline form. Only definitions that are certain are followed: a local written exactly once in the
/// member, a field written exactly once in the member, or a readonly field initialised in the same file. Anything else
/// (a parameter, a second assignment, an out argument) stops the walk, because guessing would create false positives.
/// </summary>
internal static class SocketValueFlow
{
    private const int MaxDepth = 6;

    public static IOperation Resolve(IOperation value)
    {
        var current = value;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            current = SkipConversions(current);
            var next = current switch
            {
                ILocalReferenceOperation local => SingleDefinition(current, local.Local),
                IFieldReferenceOperation field => FieldDefinition(field),
                _ => null,
            };

            if (next is null)
            {
                return current;
            }

            current = next;
        }

        return current;
    }

    public static IOperation SkipConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion && IsReferenceOrIdentity(conversion))
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The outermost operation of the member body that contains <paramref name="operation"/>.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>
    /// Every read of <paramref name="local"/> in the member, or null when it is written anywhere except by
    /// <paramref name="definition"/> (the assignment target that gave it the value being followed, if any).
    /// </summary>
    public static List<ILocalReferenceOperation>? Reads(IOperation anywhereInMember, ILocalSymbol local, IOperation? definition = null)
    {
        var reads = new List<ILocalReferenceOperation>();
        foreach (var operation in Root(anywhereInMember).Descendants())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                if (reference == definition)
                {
                    continue;
                }

                if (IsWrite(reference))
                {
                    return null;
                }

                reads.Add(reference);
            }
        }

        return reads;
    }

    private static bool IsReferenceOrIdentity(IConversionOperation conversion) =>
        conversion.IsImplicit || conversion.Conversion.IsIdentity || conversion.Conversion.IsReference;

    private static IOperation? SingleDefinition(IOperation anywhereInMember, ILocalSymbol local)
    {
        IOperation? definition = null;
        var count = 0;
        foreach (var operation in Root(anywhereInMember).Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                    if (initializer is not null)
                    {
                        definition = initializer;
                        count++;
                    }

                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && IsWrite(reference):
                    definition = reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference ? assignment.Value : null;
                    count++;
                    break;
            }
        }

        return count == 1 ? definition : null;
    }

    private static IOperation? FieldDefinition(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        if (field.IsConst)
        {
            return null;
        }

        // A field written in this member: follow it only when that is its single write here.
        IOperation? assigned = null;
        var writes = 0;
        foreach (var operation in Root(reference).Descendants())
        {
            if (operation is IFieldReferenceOperation other && SymbolEqualityComparer.Default.Equals(other.Field, field) && IsWrite(other))
            {
                writes++;
                assigned = other.Parent is ISimpleAssignmentOperation assignment && assignment.Target == other ? assignment.Value : null;
            }
        }

        if (writes > 0)
        {
            return writes == 1 ? assigned : null;
        }

        return field.IsReadOnly ? ReadonlyFieldInitializer(reference, field) : null;
    }

    private static IOperation? ReadonlyFieldInitializer(IOperation reference, IFieldSymbol field)
    {
        var model = reference.SemanticModel;
        if (model is null || field.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var syntax = field.DeclaringSyntaxReferences[0];
        if (syntax.SyntaxTree != model.SyntaxTree || syntax.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        // The initializer of a readonly field is its only value unless a constructor writes it too.
        return HasConstructorWrites(field, model) ? null : model.GetOperation(value);
    }

    private static bool HasConstructorWrites(IFieldSymbol field, SemanticModel model)
    {
        foreach (var constructor in field.ContainingType.Constructors)
        {
            if (constructor.IsImplicitlyDeclared || constructor.IsStatic != field.IsStatic)
            {
                continue;
            }

            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                // A constructor in another file (partial type) cannot be inspected with this model: assume it writes.
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    return true;
                }

                var body = model.GetOperation(reference.GetSyntax());
                if (body is not null && body.Descendants().Any(o =>
                    o is IFieldReferenceOperation written && SymbolEqualityComparer.Default.Equals(written.Field, field) && IsWrite(written)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsWrite(IOperation reference) => reference.Parent switch
    {
        ISimpleAssignmentOperation assignment => assignment.Target == reference,
        ICompoundAssignmentOperation compound => compound.Target == reference,
        ICoalesceAssignmentOperation coalesce => coalesce.Target == reference,
        IIncrementOrDecrementOperation => true,
        IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref,
        ITupleOperation => true,
        IDeclarationExpressionOperation => true,
        _ => false,
    };
}
