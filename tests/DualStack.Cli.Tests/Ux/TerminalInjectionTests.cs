using DualStack.Cli.Output;

namespace DualStack.Cli.Tests.Ux;

/// <summary>
/// Issue 11 item 9: YAML values quoted in messages must not reach the terminal or a CI log raw. A manifest could
/// otherwise clear the screen, set the window title, hide a finding with CR, or forge a <c>::error::</c> line.
/// </summary>
public sealed class TerminalInjectionTests
{
    // Double-quoted YAML escapes: ESC, BEL, CR, LF, and a right-to-left override in the object's name.
    private const string Hostile = """
        apiVersion: v1
        kind: Service
        metadata:
          name: "web\e]0;pwned\a\u202Eevil"
        spec:
          ipFamilyPolicy: "Single\e[2J\r\n::error file=x.yaml::forged\a"
          ports:
          - port: 80

        """;

    [Fact]
    public void Text_output_prints_control_characters_as_visible_escapes_one_finding_per_line()
    {
        using var folder = new TempFolder();
        folder.Write("evil.yaml", Hostile);

        var result = Dslint.Run(folder.Path, "lint", "evil.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                """evil.yaml:6:19: error DS2001: Unsupported value: "Single\x1b[2J\r\n::error file=x.yaml::forged\a": supported values: "PreferDualStack", "RequireDualStack", "SingleStack" [Service/web\e]0;pwned\a\u202Eevil spec.ipFamilyPolicy]""",
                "1 file, 1 document: 1 error, 0 warnings, 0 infos",
            ],
            result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.DoesNotContain('\a', result.Stdout);
        Assert.DoesNotContain('\r', result.Stdout);
        Assert.DoesNotContain('\u202E', result.Stdout);
    }

    [Fact]
    public void GitHub_annotations_encode_line_breaks_and_show_other_control_characters_as_escapes()
    {
        using var folder = new TempFolder();
        folder.Write("evil.yaml", Hostile);

        var result = Dslint.Run(folder.Path, "lint", "evil.yaml", "--format", "github");

        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("::error file=evil.yaml,line=6,col=19,", line);
        // The engine quotes the value as the API server does (Go %q escapes); the object name is escaped by the output.
        Assert.Contains(@"Single\x1b[2J\r\n::error file=x.yaml::forged\a", line);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.DoesNotContain('\a', result.Stdout);
        Assert.DoesNotContain('\u202E', result.Stdout);
    }

    [Fact]
    public void Json_carries_the_message_as_the_engine_quoted_it()
    {
        using var folder = new TempFolder();
        folder.Write("evil.yaml", Hostile);

        var result = Dslint.Run(folder.Path, "lint", "evil.yaml", "--format", "json");

        Assert.Contains(@"Single\\x1b[2J\\r\\n::error file=x.yaml::forged\\a", result.Stdout);
        Assert.Contains(@"""object"": ""Service/web\u001B]0;pwned\u0007", result.Stdout);
    }

    [Fact]
    public void A_file_name_with_a_newline_stays_on_its_line()
    {
        using var folder = new TempFolder();
        folder.Write("a\n::error::b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [\n");

        var result = Dslint.Run(folder.Path, "lint");

        Assert.StartsWith(@"a\n::error::b.yaml:4:1: error DS0001:", result.StdoutLines[0]);
        Assert.DoesNotContain(result.StdoutLines, l => l.StartsWith("::", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain text, unchanged", "plain text, unchanged")]
    [InlineData("tab\there", @"tab\there")]
    [InlineData("nul\0del\u007fc1\u0085", @"nul\x00del\x7Fc1\x85")]
    [InlineData("line\u2028separator", @"line\u2028separator")]
    [InlineData("isolate\u2066x\u2069", @"isolate\u2066x\u2069")]
    [InlineData("ünïcödé 字 stays", "ünïcödé 字 stays")]
    public void Escape_is_visible_and_leaves_printable_text_alone(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Escape(input));
}
