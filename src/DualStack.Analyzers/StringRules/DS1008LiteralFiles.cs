using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// Which files of a compilation hold any dotted-quad text, scanned once per file. Resolving a sink's value through
/// locals and fields walks the member, which is most of DS1008's cost on code full of URL and HttpClient calls;
/// a literal can only come from the same file (locals, readonly field initializers: what the resolution follows),
/// or from a constant, which is checked on the value itself. Every other file is skipped before any walk.
/// </summary>
internal sealed class DS1008LiteralFiles
{
    private readonly ConcurrentDictionary<SyntaxTree, bool> _files = new();

    /// <summary>True when the value may hold an IPv4 literal: a constant part, or a file with dotted-quad text.</summary>
    public bool MayHoldLiteral(IOperation value) =>
        HasConstantPart(value) || (value.Syntax.SyntaxTree is { } tree && _files.GetOrAdd(tree, HasDottedQuad));

    /// <summary>The value or a part of it (interpolation hole, concatenation operand) is a constant.</summary>
    private static bool HasConstantPart(IOperation value)
    {
        var operation = value.WalkDownConversions();
        if (operation.ConstantValue.HasValue)
        {
            return true;
        }

        return operation switch
        {
            IInterpolatedStringOperation interpolated => interpolated.Parts.Any(part =>
                part is IInterpolationOperation { Expression: { } expression } && expression.WalkDownConversions().ConstantValue.HasValue),
            IBinaryOperation binary => HasConstantPart(binary.LeftOperand) || HasConstantPart(binary.RightOperand),
            _ => false,
        };
    }

    /// <summary>Digits '.' digits '.' digits '.' digits anywhere in the file's text (one pass, no allocation).</summary>
    private static bool HasDottedQuad(SyntaxTree tree)
    {
        var text = tree.GetText();
        var dots = 0;
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
                if (dots == 3 && digits >= 1)
                {
                    return true;
                }

                continue;
            }

            if (c == '.' && digits is >= 1 and <= 3)
            {
                dots++;
                digits = 0;
                continue;
            }

            dots = 0;
            digits = 0;
        }

        return false;
    }
}
