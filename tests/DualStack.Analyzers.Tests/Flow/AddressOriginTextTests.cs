using DualStack.Analyzers;
using DualStack.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DualStack.Analyzers.Tests.Flow;

/// <summary>
/// The text check that lets the flow analyzer register nothing for a compilation that spells no address origin.
/// It must see every word wherever it sits in a file, including across the boundary of the chunks it reads.
/// </summary>
public sealed class AddressOriginTextTests
{
    [Theory]
    [InlineData("var a = IPAddress.Any;")]
    [InlineData("IPEndPoint e = new(0, 80);")]
    [InlineData("IPEndPoint e = new (0, 80);")]
    [InlineData("var host = \"0.0.0.0\";")]
    [InlineData("var a = entry.AddressList[0];")]
    [InlineData("var a = (await Dns.GetHostAddressesAsync(h)).First();")]
    public void A_file_that_spells_an_origin_is_seen(string statement)
    {
        var compilation = Compile("class Quiet { void M() { } }", "class C { async void M() { " + statement + " } }");

        Assert.True(AddressOriginText.MayContainOrigin(compilation, CancellationToken.None));
    }

    [Fact]
    public void An_alias_names_the_type_in_the_compilation()
    {
        // new EP(0, 80) itself spells no word; the alias that makes EP the endpoint type does.
        var compilation = Compile("global using EP = System.Net.IPEndPoint;", "class C { object M() => new EP(0, 80); }");

        Assert.True(AddressOriginText.MayContainOrigin(compilation, CancellationToken.None));
    }

    [Fact]
    public void A_compilation_without_any_address_word_is_skipped()
    {
        var compilation = Compile(
            "class Store { string _name = \"0.0.1\"; bool Any(int[] xs) => xs.Length > 0; object Make() => new(); }",
            "class Journal { string Address => \"street\"; }");

        Assert.False(AddressOriginText.MayContainOrigin(compilation, CancellationToken.None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public void A_word_straddling_two_chunks_is_seen(int charactersBeforeTheBoundary)
    {
        // The word starts this many characters before the end of the first chunk the check reads.
        var buffer = new char[64];
        var padding = new string(' ', buffer.Length - charactersBeforeTheBoundary);
        var text = SourceText.From(padding + "GetHostAddresses" + new string(' ', 200));

        Assert.True(AddressOriginText.Mentions(text, buffer));
    }

    [Fact]
    public void A_long_text_without_a_word_is_read_to_its_end_and_skipped()
    {
        var buffer = new char[64];
        var text = SourceText.From(string.Concat(Enumerable.Repeat("class C { int Address; } ", 50)));

        Assert.False(AddressOriginText.Mentions(text, buffer));
    }

    [Fact]
    public void A_buffer_that_cannot_move_past_the_overlap_is_refused_instead_of_looping()
    {
        var text = SourceText.From(new string(' ', 100));

        Assert.Throws<ArgumentException>(() => SourceTextSearch.ContainsAny(text, ["GetHostAddresses"], new char[15]));
        Assert.False(SourceTextSearch.ContainsAny(text, ["GetHostAddresses"], new char[16]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(15)]
    public void One_word_straddling_two_chunks_is_seen(int charactersBeforeTheBoundary)
    {
        var buffer = new char[64];
        var text = SourceText.From(new string(' ', buffer.Length - charactersBeforeTheBoundary) + "GetHostAddresses" + new string(' ', 200));

        Assert.True(SourceTextSearch.Contains(text, "GetHostAddresses", buffer));
        Assert.False(SourceTextSearch.Contains(text, "GetHostAddress3s", buffer));
        Assert.Throws<ArgumentException>(() => SourceTextSearch.Contains(text, "GetHostAddresses", new char[15]));
    }

    [Theory]
    [InlineData("IPAddress")]
    [InlineData("new (0")]
    public void A_word_straddling_the_chunk_boundary_of_the_compilation_check_in_a_later_file_is_seen(string word)
    {
        // The compilation check reads 16 K characters at a time; the word starts three characters before that boundary,
        // in the second file, and the first file spells no word.
        var second = "//" + new string(' ', 16 * 1024 - 5) + word + ";\n";

        var compilation = Compile("class Quiet { void M() { } }", second);

        Assert.True(AddressOriginText.MayContainOrigin(compilation, CancellationToken.None));
    }

    private static Compilation Compile(params string[] sources) => CSharpCompilation.Create(
        "OriginText",
        sources.Select(s => CSharpSyntaxTree.ParseText(s)),
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);
}
