using DualStack.Analyzers.Json;

namespace DualStack.Analyzers.Tests.StringRules;

public sealed class JsonReaderTests
{
    private const string Sample = """
        {
          // a comment
          "Kestrel": { "Endpoints": { "Http": { "Url": "http:\/\/0.0.0.0:8080" }, }, },
          /* block */ "urls": "http://a;http://b",
          "list": [1, true, null, "x", { "k": [] }],
          "escaped": "\u0041\"\\"
        }
        """;

    [Fact]
    public void Reads_objects_arrays_strings_comments_and_trailing_commas_with_positions()
    {
        var root = JsonReader.Parse(Sample)!;
        Assert.Equal(JsonNodeKind.Object, root.Kind);
        var url = root.Get("kestrel")!.Get("ENDPOINTS")!.Get("Http")!.Get("Url")!;
        Assert.Equal("http://0.0.0.0:8080", url.StringValue);

        // Each decoded character maps to its source character: "0.0.0.0" starts after the escaped slashes.
        var host = url.StringValue!.IndexOf("0.0.0.0", StringComparison.Ordinal);
        Assert.Equal("0.0.0.0", Sample.Substring(url.SourceOffsets[host], 7));
        Assert.Equal("http://a;http://b", root.Get("urls")!.StringValue);
        Assert.Equal(5, root.Get("list")!.Items.Count);
        Assert.Equal("A\"\\", root.Get("escaped")!.StringValue);
    }

    [Fact]
    public void Every_prefix_of_a_document_is_read_without_throwing()
    {
        for (var length = 0; length <= Sample.Length; length++)
        {
            _ = JsonReader.Parse(Sample.Substring(0, length));
        }
    }

    [Fact]
    public void Random_and_hostile_input_is_read_without_throwing()
    {
        var random = new Random(1234);
        const string Alphabet = "{}[]\",:/*\\ \nabu0123456789.tfn-";
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = Alphabet[random.Next(Alphabet.Length)];
            }

            _ = JsonReader.Parse(new string(chars));
        }

        Assert.NotNull(JsonReader.Parse(new string('[', 100_000)));
        Assert.Null(JsonReader.Parse(string.Empty));
        Assert.Equal(JsonNodeKind.Other, JsonReader.Parse("nul")!.Kind);
    }
}
