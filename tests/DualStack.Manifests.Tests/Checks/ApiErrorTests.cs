using DualStack.Manifests.Checks;

namespace DualStack.Manifests.Tests.Checks;

/// <summary>
/// The API server's error text (apimachinery <c>field.Error.Error()</c> / <c>ErrorBody</c>): strings as Go <c>%q</c>,
/// other values (lists) as <c>json.Marshal</c> prints them, the detail after a colon. The field path the API server
/// prints first is left out: it is the finding's field, printed beside the message.
/// </summary>
public sealed class ApiErrorTests
{
    [Fact]
    public void A_string_value_is_quoted_as_Go_quotes_it() =>
        Assert.Equal("Invalid value: \"10.0.0.1 \": must be a valid IP address",
            ApiError.Invalid("10.0.0.1 ", "must be a valid IP address"));

    [Theory]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("cr\rlf\n", "\"cr\\rlf\\n\"")]
    [InlineData("bell\u0007", "\"bell\\a\"")]
    [InlineData("nul\u0000", "\"nul\\x00\"")]
    [InlineData("del\u007f", "\"del\\x7f\"")]
    [InlineData("é", "\"é\"")]
    [InlineData("bidi\u202e", "\"bidi\\u202e\"")]
    public void Quote_is_strconv_Quote(string value, string expected) =>
        Assert.Equal(expected, ApiError.Quote(value));

    [Fact]
    public void A_list_value_is_printed_as_JSON_without_spaces() =>
        Assert.Equal("Invalid value: [\"10.0.0.1\",\"fd00::1\",\"fd00::2\"]: may only hold up to 2 values",
            ApiError.Invalid(["10.0.0.1", "fd00::1", "fd00::2"], "may only hold up to 2 values"));

    [Theory]
    [InlineData("a<b>&", "\"a\\u003cb\\u003e\\u0026\"")]
    [InlineData("nl\n", "\"nl\\n\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    public void JSON_strings_escape_as_encoding_json_does(string value, string expected) =>
        Assert.Equal(expected, ApiError.JsonString(value));

    [Fact]
    public void The_other_error_types()
    {
        Assert.Equal("Required value", ApiError.Required());
        Assert.Equal("Required value: at least one CIDR required", ApiError.Required("at least one CIDR required"));
        Assert.Equal("Forbidden: may not be set", ApiError.Forbidden("may not be set"));
        Assert.Equal("Duplicate value: \"IPv4\"", ApiError.Duplicate("IPv4"));
        Assert.Equal("Unsupported value: \"Dual\": supported values: \"PreferDualStack\", \"SingleStack\"",
            ApiError.NotSupported("Dual", ["PreferDualStack", "SingleStack"]));
    }

    [Theory]
    [InlineData(9, 8, "Too many: 9: must have at most 8 items")]
    [InlineData(2, 1, "Too many: 2: must have at most 1 item")]
    public void Too_many_counts_items_in_the_singular_for_one(int actual, int max, string expected) =>
        Assert.Equal(expected, ApiError.TooMany(actual, max));
}
