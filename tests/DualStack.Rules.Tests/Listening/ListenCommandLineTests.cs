using DualStack.Rules.Listening;

namespace DualStack.Rules.Tests.Listening;

/// <summary>Listen addresses in command lines (a container's command and args; shell scripts).</summary>
public sealed class ListenCommandLineTests
{
    private static List<string> Describe(params string[] items) =>
        ListenCommandLine.Addresses(items).Select(l => $"{l.Item}:{l.Address.Text}:{l.Address.Runtime}").ToList();

    [Fact]
    public void Option_values_and_bare_addresses_are_read_for_any_program()
    {
        Assert.Equal(
            ["0:0.0.0.0:Generic", "2:0.0.0.0:Generic", "3:0.0.0.0:8000:Generic", "4:[::]:81:Generic"],
            Describe("--bind-address=0.0.0.0", "--host", "0.0.0.0", "-b 0.0.0.0:8000", "--bind=[::]:81"));
    }

    [Fact]
    public void The_urls_option_is_read_by_Kestrel_joined_or_as_the_next_item()
    {
        Assert.Equal(
            ["1:http://0.0.0.0:80:AspNetCore", "2:http://0.0.0.0:81:AspNetCore", "2:http://[::]:81:AspNetCore"],
            Describe("--urls", "http://0.0.0.0:80", "--urls=http://0.0.0.0:81;http://[::]:81"));
    }

    [Fact]
    public void A_shell_script_is_read_word_by_word_with_url_variable_assignments()
    {
        var text = "ASPNETCORE_URLS=http://0.0.0.0:80 dotnet app.dll; exec uvicorn main:app --host 0.0.0.0;";
        var listens = ListenCommandLine.Addresses([text]);
        Assert.Equal(["http://0.0.0.0:80:AspNetCore", "0.0.0.0:Generic"], listens.Select(l => $"{l.Address.Text}:{l.Address.Runtime}"));
        Assert.Equal(text.IndexOf("0.0.0.0", StringComparison.Ordinal), listens[0].Address.HostStart);
        Assert.Equal(text.LastIndexOf("0.0.0.0", StringComparison.Ordinal), listens[1].Address.HostStart);
    }

    [Fact]
    public void Words_that_are_not_addresses_are_ignored()
    {
        Assert.DoesNotContain(ListenCommandLine.Addresses(["--allow=0.0.0.0/0", "--port=8080", "app:app", "--peer=$(POD_IP)"]), l => l.Address.IsIPv4Wildcard);
    }
}
