namespace DualStack.Manifests.Yaml;

/// <summary>Reads the characters text[start..end) in place; what YamlDotNet's look-ahead buffer asks of a reader.</summary>
internal sealed class SliceReader : TextReader
{
    private readonly string _text;
    private readonly int _end;
    private int _position;

    public SliceReader(string text, int start, int end)
    {
        _text = text;
        _position = start;
        _end = end;
    }

    public override int Peek() => _position < _end ? _text[_position] : -1;

    public override int Read() => _position < _end ? _text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        var n = Math.Min(count, _end - _position);
        if (n <= 0)
        {
            return 0;
        }

        _text.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }

    public override string ReadToEnd()
    {
        var rest = _text.Substring(_position, _end - _position);
        _position = _end;
        return rest;
    }
}
