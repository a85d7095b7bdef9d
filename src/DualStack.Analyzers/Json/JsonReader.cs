using System.Text;

namespace DualStack.Analyzers.Json;

/// <summary>
/// A small, forgiving JSON reader with positions, for the settings files the analyzer is given as AdditionalFiles.
/// The compiler does not ship System.Text.Json to analyzers on every host, so this reads the subset needed here.
/// It accepts what .NET configuration files allow (// and /* */ comments, trailing commas) and never throws: on
/// malformed input it returns what it could read, or null.
/// </summary>
internal sealed class JsonReader
{
    // Deeper nesting than any settings file has; keeps recursion bounded on hostile input.
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;

    private JsonReader(string text) => _text = text;

    public static JsonNode? Parse(string text)
    {
        var reader = new JsonReader(text);
        reader.SkipTrivia();
        return reader.ReadValue(0);
    }

    private JsonNode? ReadValue(int depth)
    {
        SkipTrivia();
        if (_position >= _text.Length || depth > MaxDepth)
        {
            return null;
        }

        return _text[_position] switch
        {
            '{' => ReadObject(depth),
            '[' => ReadArray(depth),
            '"' => ReadString(),
            _ => ReadScalar(),
        };
    }

    private JsonNode ReadObject(int depth)
    {
        var start = _position++;
        var properties = new List<JsonProperty>();
        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                break;
            }

            var c = _text[_position];
            if (c == '}')
            {
                _position++;
                break;
            }

            if (c == ',')
            {
                _position++;
                continue;
            }

            if (c != '"')
            {
                // Not a property name: stop reading this object rather than guess.
                break;
            }

            var name = ReadString();
            SkipTrivia();
            if (_position >= _text.Length || _text[_position] != ':')
            {
                break;
            }

            _position++;
            var value = ReadValue(depth + 1);
            if (value is null)
            {
                break;
            }

            properties.Add(new JsonProperty(name.StringValue ?? string.Empty, value));
        }

        return JsonNode.Object(start, _position, properties);
    }

    private JsonNode ReadArray(int depth)
    {
        var start = _position++;
        var items = new List<JsonNode>();
        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                break;
            }

            var c = _text[_position];
            if (c == ']')
            {
                _position++;
                break;
            }

            if (c == ',')
            {
                _position++;
                continue;
            }

            var value = ReadValue(depth + 1);
            if (value is null)
            {
                break;
            }

            items.Add(value);
        }

        return JsonNode.Array(start, _position, items);
    }

    private JsonNode ReadString()
    {
        var start = _position++;
        var value = new StringBuilder();
        var offsets = new List<int>();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                break;
            }

            if (c == '\n')
            {
                // Unterminated string: end it at the line break.
                break;
            }

            var at = _position;
            if (c == '\\' && _position + 1 < _text.Length)
            {
                var escaped = _text[_position + 1];
                _position += 2;
                switch (escaped)
                {
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    case 'r': value.Append('\r'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'u' when _position + 4 <= _text.Length && TryHex(_text, _position, out var code):
                        value.Append(code);
                        _position += 4;
                        break;
                    default: value.Append(escaped); break;
                }
            }
            else
            {
                value.Append(c);
                _position++;
            }

            offsets.Add(at);
        }

        return JsonNode.String(start, _position, value.ToString(), offsets);
    }

    private JsonNode ReadScalar()
    {
        var start = _position;
        while (_position < _text.Length && !IsDelimiter(_text[_position]))
        {
            _position++;
        }

        if (_position == start)
        {
            // An unexpected character (a stray quote-less token start such as ':'): step over it.
            _position++;
        }

        return JsonNode.Scalar(start, _position);
    }

    private static bool IsDelimiter(char c) =>
        c is ',' or '}' or ']' or ':' or '"' or '{' or '[' or '/' || char.IsWhiteSpace(c);

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                var end = _text.IndexOf('\n', _position);
                _position = end < 0 ? _text.Length : end + 1;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                _position = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private static bool TryHex(string text, int start, out char value)
    {
        var code = 0;
        for (var i = start; i < start + 4; i++)
        {
            var c = text[i];
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                value = '\0';
                return false;
            }

            code = (code * 16) + digit;
        }

        value = (char)code;
        return true;
    }
}
