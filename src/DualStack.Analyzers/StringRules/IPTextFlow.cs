using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// Proves that a string holds an IP address's text by data flow rather than by its name: every value it can have is
/// <c>IPAddress.ToString()</c> or a dotted-quad literal, directly, through the definitions of a local in the same
/// member, or through every <c>return</c> of a method of this compilation (<c>GetCurrentIp()</c> returning a NIC
/// address's text or "127.0.0.1"). One instance per compilation: a method's answer is computed once and cached, and
/// it is only asked for hosts of compositions that already reach a parser, so no member is walked per candidate
/// more than once.
/// </summary>
internal sealed class IPTextFlow
{
    private const int MaxDepth = 4;

    private readonly KnownType _ipAddress;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _methods = new(SymbolEqualityComparer.Default);

    public IPTextFlow(StringRuleSymbols symbols) => _ipAddress = symbols.IPAddress;

    /// <summary>True when every value <paramref name="value"/> can have is the text of an IP address.</summary>
    public bool IsIPText(IOperation value) => IsIPText(value, 0);

    private bool IsIPText(IOperation operation, int depth)
    {
        var value = operation.WalkDownConversions();
        if (depth > MaxDepth || value.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        switch (value)
        {
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } }:
                return IPv4LiteralText.IsDottedQuad(text);
            case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance }:
                return StringRuleSymbols.Is(instance.WalkDownConversions().Type, _ipAddress);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return IsIPText(conditional.WhenTrue, depth + 1) && IsIPText(whenFalse, depth + 1);
            case ICoalesceOperation coalesce:
                return IsIPText(coalesce.Value, depth + 1) && IsIPText(coalesce.WhenNull, depth + 1);
            case ILocalReferenceOperation local:
                return AllDefinitionsAreIPText(value.GetRoot(), local.Local, depth + 1);
            case IInvocationOperation { TargetMethod: { } method } when IsSourceMethod(method):
                return depth < MaxDepth && _methods.GetOrAdd(method.OriginalDefinition, m => ReturnsIPText(m, value.SemanticModel, depth + 1));
            default:
                return false;
        }
    }

    private static bool IsSourceMethod(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary && !method.IsAbstract && !method.IsVirtual && !method.IsOverride
        && method.DeclaringSyntaxReferences.Length == 1;

    /// <summary>Every <c>return</c> of the method (or its expression body) gives IP text.</summary>
    private bool ReturnsIPText(IMethodSymbol method, SemanticModel? model, int depth)
    {
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        if (model is null || syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax declaration)
        {
            return false;
        }

        var bodyModel = declaration.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(declaration.SyntaxTree);
        if (declaration.ExpressionBody is { } arrow)
        {
            return bodyModel.GetOperation(arrow.Expression) is { } expression && IsIPText(expression, depth);
        }

        if (declaration.Body is null || bodyModel.GetOperation(declaration.Body) is not { } body)
        {
            return false;
        }

        var returns = 0;
        foreach (var operation in body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned } && !InsideLambda(operation, body))
            {
                returns++;
                if (!IsIPText(returned, depth))
                {
                    return false;
                }
            }
        }

        return returns > 0;
    }

    private static bool InsideLambda(IOperation operation, IOperation root)
    {
        for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The local is given a value at least once in the member, and every value it is given is IP text.</summary>
    private bool AllDefinitionsAreIPText(IOperation root, ILocalSymbol local, int depth)
    {
        var definitions = 0;
        foreach (var operation in root.Descendants())
        {
            IOperation? value = operation switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) =>
                    declarator.GetVariableInitializer()?.Value,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                IArgumentOperation { Value: ILocalReferenceOperation passed, Parameter.RefKind: RefKind.Out or RefKind.Ref }
                    when SymbolEqualityComparer.Default.Equals(passed.Local, local) => passed,
                _ => null,
            };

            if (value is null)
            {
                continue;
            }

            definitions++;
            if (value is ILocalReferenceOperation self && SymbolEqualityComparer.Default.Equals(self.Local, local))
            {
                return false;
            }

            if (!IsIPText(value, depth))
            {
                return false;
            }
        }

        return definitions > 0;
    }
}
