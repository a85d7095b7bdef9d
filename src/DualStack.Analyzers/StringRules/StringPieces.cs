using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DualStack.Analyzers.StringRules;

/// <summary>One piece of a composed string: known text (with the syntax it came from) or a hole (a runtime value).</summary>
internal sealed class StringPiece
{
    private StringPiece(string? text, SyntaxNode? source, IOperation? hole)
    {
        Text = text;
        Source = source;
        Hole = hole;
    }

    /// <summary>The text, or null for a hole.</summary>
    public string? Text { get; }

    /// <summary>Where the text is written: a string literal or interpolated text, else the expression that produced it.</summary>
    public SyntaxNode? Source { get; }

    /// <summary>The runtime value of a hole.</summary>
    public IOperation? Hole { get; }

    public static StringPiece ForText(string text, SyntaxNode source) => new(text, source, null);

    public static StringPiece ForHole(IOperation hole) => new(null, hole.Syntax, hole);
}

/// <summary>
/// A string value seen as its pieces: literals, interpolations, concatenations, <c>string.Format</c> and
/// <c>string.Concat</c>, followed through locals and fields defined once in the same member.
/// <see cref="Text"/> joins them with <see cref="HoleChar"/> standing for each hole, so callers can scan the text
/// and map a match back to source with <see cref="Locate"/>.
/// </summary>
internal sealed class StringPieces
{
    /// <summary>Stands for an unknown runtime value in <see cref="Text"/>.</summary>
    public const char HoleChar = '\u0001';

    private const int MaxPieces = 64;
    private const int MaxDepth = 8;

    private readonly List<StringPiece> _pieces;
    private readonly List<int> _offsets;

    private StringPieces(List<StringPiece> pieces)
    {
        _pieces = pieces;
        _offsets = new List<int>(pieces.Count);
        var builder = new StringBuilder();
        foreach (var piece in pieces)
        {
            _offsets.Add(builder.Length);
            if (piece.Text is null)
            {
                builder.Append(HoleChar);
            }
            else
            {
                builder.Append(piece.Text);
            }
        }

        Text = builder.ToString();
    }

    public IReadOnlyList<StringPiece> Pieces => _pieces;

    public string Text { get; }

    public bool HasHoles => _pieces.Any(p => p.Hole is not null);

    /// <summary>Flattens a string-valued operation; null when the value is not a string or nothing is known about it.</summary>
    public static StringPieces? From(IOperation operation)
    {
        var pieces = new List<StringPiece>();
        Flatten(operation, pieces, 0);
        return pieces.Count == 0 || pieces.All(p => p.Hole is not null) ? null : new StringPieces(pieces);
    }

    /// <summary>The piece holding text position <paramref name="index"/>, and the offset inside it.</summary>
    public (StringPiece Piece, int Offset) PieceAt(int index)
    {
        for (var i = _pieces.Count - 1; i >= 0; i--)
        {
            if (_offsets[i] <= index)
            {
                return (_pieces[i], index - _offsets[i]);
            }
        }

        return (_pieces[0], 0);
    }

    /// <summary>The hole at text position <paramref name="index"/>, if that position is a hole.</summary>
    public IOperation? HoleAt(int index) =>
        index >= 0 && index < Text.Length && Text[index] == HoleChar ? PieceAt(index).Piece.Hole : null;

    /// <summary>
    /// The source location of <c>Text.Substring(start, length)</c>. When the range lies inside one literal, the
    /// location is exactly that text inside the literal (<paramref name="exact"/> = true); otherwise it is the
    /// expression that produced it.
    /// </summary>
    public Location Locate(int start, int length, out bool exact)
    {
        exact = false;
        var (piece, offset) = PieceAt(start);
        var source = piece.Source!;
        if (piece.Text is null || offset + length > piece.Text.Length)
        {
            return source.GetLocation();
        }

        var wanted = piece.Text.Substring(offset, length);
        var raw = source.ToString();
        var occurrence = CountOccurrences(piece.Text, wanted, offset);
        var rawIndex = NthIndexOf(raw, wanted, occurrence);
        if (rawIndex < 0 || (!IsLiteral(source)))
        {
            return source.GetLocation();
        }

        exact = true;
        return Location.Create(source.SyntaxTree, new TextSpan(source.SpanStart + rawIndex, length));
    }

    /// <summary>Renders the text for a message, showing holes as <c>{…}</c> with their source.</summary>
    public string Display(int start, int length)
    {
        var builder = new StringBuilder();
        for (var i = start; i < start + length && i < Text.Length; i++)
        {
            if (Text[i] == HoleChar)
            {
                builder.Append('{').Append(PieceAt(i).Piece.Source?.ToString() ?? "…").Append('}');
            }
            else
            {
                builder.Append(Text[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsLiteral(SyntaxNode node) =>
        node is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringTextSyntax;

    private static int CountOccurrences(string text, string wanted, int before)
    {
        var count = 0;
        for (var i = text.IndexOf(wanted, StringComparison.Ordinal); i >= 0 && i < before; i = text.IndexOf(wanted, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static int NthIndexOf(string text, string wanted, int n)
    {
        var index = text.IndexOf(wanted, StringComparison.Ordinal);
        for (var i = 0; i < n && index >= 0; i++)
        {
            index = text.IndexOf(wanted, index + 1, StringComparison.Ordinal);
        }

        return index;
    }

    private static void Flatten(IOperation operation, List<StringPiece> pieces, int depth)
    {
        if (pieces.Count >= MaxPieces)
        {
            return;
        }

        var value = operation.WalkDownConversions();
        if (value is not (IBinaryOperation or IInterpolatedStringOperation) && value.ConstantValue is { HasValue: true, Value: string constant })
        {
            // A literal keeps its own syntax so a match can point inside it; a named constant points at the name.
            pieces.Add(StringPiece.ForText(constant, value.Syntax));
            return;
        }

        if (depth >= MaxDepth)
        {
            pieces.Add(StringPiece.ForHole(value));
            return;
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text when text.Text.ConstantValue.Value is string s:
                            pieces.Add(StringPiece.ForText(s, text.Syntax));
                            break;
                        case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                            Flatten(hole.Expression, pieces, depth + 1);
                            break;
                        case IInterpolationOperation hole:
                            pieces.Add(StringPiece.ForHole(hole.Expression));
                            break;
                    }
                }

                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                Flatten(binary.LeftOperand, pieces, depth + 1);
                Flatten(binary.RightOperand, pieces, depth + 1);
                return;
            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                if (TryFlattenStringMethod(invocation, pieces, depth))
                {
                    return;
                }

                break;
            case ILocalReferenceOperation or IFieldReferenceOperation:
                var resolved = value.ResolveValue();
                if (resolved != value)
                {
                    Flatten(resolved, pieces, depth + 1);
                    return;
                }

                break;
        }

        pieces.Add(StringPiece.ForHole(value));
    }

    private static bool TryFlattenStringMethod(IInvocationOperation invocation, List<StringPiece> pieces, int depth)
    {
        var method = invocation.TargetMethod;
        var args = ExpandArguments(invocation);
        if (method.Name == "Concat" && args.All(a => a.Type?.SpecialType == SpecialType.System_String))
        {
            foreach (var arg in args)
            {
                Flatten(arg, pieces, depth + 1);
            }

            return true;
        }

        if (method.Name == "Format" && args.Count >= 1 && args[0].Type?.SpecialType == SpecialType.System_String
            && args[0].ConstantValue is { HasValue: true, Value: string format })
        {
            return TryFlattenFormat(format, args[0].Syntax, args.Skip(1).ToList(), pieces, depth);
        }

        return false;
    }

    /// <summary>Arguments in order with a <c>params</c> array expanded into its elements.</summary>
    public static List<IOperation> ExpandArguments(IInvocationOperation invocation)
    {
        var list = new List<IOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } init })
            {
                list.AddRange(init.ElementValues);
            }
            else
            {
                list.Add(argument.Value);
            }
        }

        return list;
    }

    /// <summary>Composite format strings: "{0}:{1}" with no alignment or format specifiers.</summary>
    private static bool TryFlattenFormat(string format, SyntaxNode formatSyntax, List<IOperation> args, List<StringPiece> pieces, int depth)
    {
        // Built aside and committed only when the whole format string is understood.
        var result = new List<StringPiece>();
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                text.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var close = format.IndexOf('}', i);
                if (close < 0 || !int.TryParse(format.Substring(i + 1, close - i - 1), out var index) || index < 0 || index >= args.Count)
                {
                    return false;
                }

                if (text.Length > 0)
                {
                    result.Add(StringPiece.ForText(text.ToString(), formatSyntax));
                    text.Clear();
                }

                Flatten(args[index], result, depth + 1);
                i = close;
            }
            else
            {
                text.Append(c);
            }
        }

        if (text.Length > 0)
        {
            result.Add(StringPiece.ForText(text.ToString(), formatSyntax));
        }

        pieces.AddRange(result);
        return true;
    }
}
