using DualStack.Cli.Lsp.Protocol;

namespace DualStack.Cli.Lsp.Documents;

/// <summary>
/// Converts between offsets into a text and LSP positions (0-based line, 0-based UTF-16 code unit in the line). A line
/// ends at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as the LSP specification says.
/// </summary>
internal sealed class LineIndex
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];

    public LineIndex(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public int LineCount => _lineStarts.Count;

    /// <summary>The offset of a position; a character past the line's end means the end of the line, a line past the
    /// last means the end of the text (clients send such positions, e.g. to replace "everything").</summary>
    public int OffsetOf(Position position)
    {
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= _lineStarts.Count)
        {
            return _text.Length;
        }

        var start = _lineStarts[position.Line];
        var end = LineContentEnd(position.Line);
        return start + Math.Clamp(position.Character, 0, end - start);
    }

    public Position PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new Position(line, offset - _lineStarts[line]);
    }

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Count - 1)];

    /// <summary>The end of a line's content, before its line break.</summary>
    public int LineContentEnd(int line)
    {
        var end = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] : _text.Length;
        if (end > _lineStarts[line] && _text[end - 1] == '\n')
        {
            end--;
        }

        if (end > _lineStarts[line] && _text[end - 1] == '\r')
        {
            end--;
        }

        return end;
    }
}
