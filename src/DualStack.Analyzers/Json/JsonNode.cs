namespace DualStack.Analyzers.Json;

internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Other,
}

/// <summary>
/// A JSON value with its position in the source text. Strings keep their decoded value and, for each decoded
/// character, the offset of the source character it came from, so a match inside the value maps back exactly.
/// </summary>
internal sealed class JsonNode
{
    private static readonly IReadOnlyList<JsonProperty> NoProperties = [];
    private static readonly IReadOnlyList<JsonNode> NoItems = [];

    private JsonNode(JsonNodeKind kind, int start, int end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    public JsonNodeKind Kind { get; }

    /// <summary>Offset of the first character of the value (the quote of a string).</summary>
    public int Start { get; }

    /// <summary>Offset just past the value.</summary>
    public int End { get; private set; }

    public string? StringValue { get; private set; }

    /// <summary>Source offset of each character of <see cref="StringValue"/>.</summary>
    public IReadOnlyList<int> SourceOffsets { get; private set; } = [];

    public IReadOnlyList<JsonProperty> Properties { get; private set; } = NoProperties;

    public IReadOnlyList<JsonNode> Items { get; private set; } = NoItems;

    public static JsonNode Scalar(int start, int end) => new(JsonNodeKind.Other, start, end);

    public static JsonNode String(int start, int end, string value, IReadOnlyList<int> offsets) =>
        new(JsonNodeKind.String, start, end) { StringValue = value, SourceOffsets = offsets };

    public static JsonNode Object(int start, int end, IReadOnlyList<JsonProperty> properties) =>
        new(JsonNodeKind.Object, start, end) { Properties = properties };

    public static JsonNode Array(int start, int end, IReadOnlyList<JsonNode> items) =>
        new(JsonNodeKind.Array, start, end) { Items = items };

    /// <summary>The value of the first property named <paramref name="name"/>, ignoring case as .NET configuration does.</summary>
    public JsonNode? Get(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}

/// <summary>An object member: its (decoded) name and value.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, JsonNode value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public JsonNode Value { get; }
}
