using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.Workloads;

/// <summary>DS2030: containers told to listen on 0.0.0.0, in every workload kind.</summary>
public sealed class DS2030IPv4WildcardListenTests
{
    // Lines 1-9 fixed; the container's env/args/command start on line 10 at two spaces deeper than "- name".
    private static string Deployment(string container) =>
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: app\n" + container;

    private static IReadOnlyList<string> Lint(string yaml, LintOptions? options = null) =>
        ManifestTestHelper.Lint(yaml, options).Describe("DS2030");

    [Fact]
    public void ASPNETCORE_URLS_with_0_0_0_0_is_reported_at_the_value()
    {
        var yaml = Deployment("        env:\n        - name: ASPNETCORE_URLS\n          value: http://0.0.0.0:8080\n");
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml));
        Assert.Equal("DS2030 12:18 spec.template.spec.containers[0].env[0].value", Assert.Single(new[] { finding }.Describe()));
        Assert.Equal(
            "container \"app\" listens on the IPv4 wildcard: env ASPNETCORE_URLS \"http://0.0.0.0:8080\" accepts IPv4 connections only, " +
            "so IPv6 traffic and IPv6 probes on the dual-stack target fail. Use \"http://*:8080\", " +
            "which listens on IPv6 and IPv4 and falls back to IPv4 where IPv6 is disabled",
            finding.Message);
    }

    [Theory]
    [InlineData("URLS", "https://0.0.0.0:443;http://localhost:80")]
    [InlineData("DOTNET_URLS", "http://0.0.0.0")]
    [InlineData("HOST", "0.0.0.0")]
    [InlineData("BIND_ADDRESS", "0.0.0.0:9000")]
    [InlineData("Kestrel__Endpoints__Http__Url", "http://0.0.0.0:5000")]
    public void Other_listen_variables_are_reported(string name, string value)
    {
        var yaml = Deployment($"        env:\n        - name: OTHER\n          value: x\n        - name: {name}\n          value: \"{value}\"\n");
        Assert.Equal(["DS2030 14:18 spec.template.spec.containers[0].env[1].value"], Lint(yaml));
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://[::]:8080")]
    [InlineData("ASPNETCORE_URLS", "http://*:8080")]
    [InlineData("ASPNETCORE_URLS", "http://+:8080")]
    [InlineData("ASPNETCORE_URLS", "http://localhost:8080")]
    [InlineData("ASPNETCORE_URLS", "http://0.0.0.0:8080;http://[::]:8080")]
    [InlineData("ASPNETCORE_URLS", "http://0.0.0.0;http://*:80")]
    [InlineData("ASPNETCORE_URLS", "https://0.0.0.0:443;https://+")]
    [InlineData("ASPNETCORE_URLS", "http://$(POD_IP):8080")]
    [InlineData("HOST", "::")]
    [InlineData("ALLOWED_CIDR", "0.0.0.0/0")]
    [InlineData("DB_PASSWORD", "0.0.0.0")]
    public void Wildcards_of_both_families_and_look_alikes_are_clean(string name, string value)
    {
        var yaml = Deployment($"        env:\n        - name: {name}\n          value: \"{value}\"\n");
        Assert.Empty(Lint(yaml));
    }

    [Fact]
    public void A_wildcard_of_both_families_on_another_port_does_not_cover_0_0_0_0()
    {
        Assert.Equal(
            ["DS2030 12:18 spec.template.spec.containers[0].env[0].value"],
            Lint(Deployment("        env:\n        - name: ASPNETCORE_URLS\n          value: http://0.0.0.0:8080;http://*:9090\n")));
        Assert.Equal(
            ["DS2030 10:16 spec.template.spec.containers[0].args[0]"],
            Lint(Deployment("        args: [\"--bind=0.0.0.0:80\", \"--bind=[::]:81\"]\n")));
    }

    [Fact]
    public void Command_line_forms_are_reported_at_the_item_holding_the_address()
    {
        var yaml = Deployment(
            "        command: [\"gunicorn\", \"-b\", \"0.0.0.0:8000\", \"app:app\"]\n" +
            "        args:\n" +
            "        - --bind-address=0.0.0.0\n" +
            "        - --host\n" +
            "        - 0.0.0.0\n" +
            "        - --listen=0.0.0.0:8080\n" +
            "        - --port=8080\n");
        Assert.Equal(
            [
                "DS2030 10:37 spec.template.spec.containers[0].command[2]",
                "DS2030 12:11 spec.template.spec.containers[0].args[0]",
                "DS2030 14:11 spec.template.spec.containers[0].args[2]",
                "DS2030 15:11 spec.template.spec.containers[0].args[3]",
            ],
            Lint(yaml));
    }

    [Fact]
    public void A_shell_script_item_is_searched_token_by_token()
    {
        var yaml = Deployment("        command: [\"sh\", \"-c\", \"exec uvicorn main:app --host 0.0.0.0 --port 80\"]\n");
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml));
        Assert.Equal("DS2030 10:31 spec.template.spec.containers[0].command[2]", Assert.Single(new[] { finding }.Describe()));
        Assert.Contains("command[2] \"0.0.0.0\"", finding.Message);
        Assert.Contains("Use \"::\", which listens on both families where the pod has IPv6", finding.Message);
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("[\"--bind-address=::\"]")]
    [InlineData("[\"--host\", \"[::]\"]")]
    [InlineData("[\"--bind=0.0.0.0:80\", \"--bind=[::]:80\"]")]
    [InlineData("[\"--allow=0.0.0.0/0\"]")]
    [InlineData("[\"--host=localhost\", \"--peer=$(POD_IP):80\"]")]
    [InlineData("[\"--listen=:8080\"]")]
    public void Command_lines_without_an_IPv4_only_listen_are_clean(string args)
    {
        Assert.Empty(Lint(Deployment($"        args: {args}\n")));
    }

    [Fact]
    public void Single_stack_IPv4_target_is_clean_and_IPv6_only_target_is_reported()
    {
        var yaml = Deployment("        args: [\"--host=0.0.0.0\"]\n");
        Assert.Empty(Lint(yaml, new LintOptions { IpFamilies = IpFamilies.IPv4Only }));
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml, new LintOptions { IpFamilies = IpFamilies.IPv6Only }));
        Assert.Contains("on the IPv6-only target fail", finding.Message);
    }

    [Theory]
    [InlineData("v1", "Pod", "spec", "spec:\n  containers:\n  - name: app\n    args: [--host=0.0.0.0]\n", 8)]
    [InlineData("apps/v1", "StatefulSet", "spec.template.spec", "spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        args: [--host=0.0.0.0]\n", 10)]
    [InlineData("apps/v1", "DaemonSet", "spec.template.spec", "spec:\n  template:\n    spec:\n      initContainers:\n      - name: app\n        args: [--host=0.0.0.0]\n", 10)]
    [InlineData("batch/v1", "CronJob", "spec.jobTemplate.spec.template.spec", "spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: app\n            args: [--host=0.0.0.0]\n", 12)]
    [InlineData("v1", "PodTemplate", "template.spec", "template:\n  spec:\n    containers:\n    - name: app\n      args: [--host=0.0.0.0]\n", 9)]
    public void Every_workload_kind_is_checked(string apiVersion, string kind, string specPath, string body, int line)
    {
        var yaml = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: x\n{body}";
        var list = specPath.Contains("initContainers") || kind == "DaemonSet" ? "initContainers" : "containers";
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml), f => f.RuleId == "DS2030");
        Assert.Equal($"{specPath}.{list}[0].args[0]", finding.Field);
        Assert.Equal(line, finding.Line);
    }

    [Fact]
    public void Odd_container_shapes_do_not_throw()
    {
        Assert.Empty(Lint(Deployment("        env: [x, {name: URLS}, {name: URLS, value: [a]}, {value: http://0.0.0.0}]\n        args: {a: b}\n        command: [[0.0.0.0]]\n")));
    }

    [Theory]
    [InlineData("        env:\n        - name: ASPNETCORE_URLS\n          value: http://0.0.0.0:8080;http://localhost:9090\n", "http://*:8080;http://localhost:9090")]
    [InlineData("        env:\n        - name: URLS\n          value: \"https://0.0.0.0\"\n", "\"https://*\"")]
    [InlineData("        args: [\"--urls\", \"http://0.0.0.0:80\"]\n", "\"http://*:80\"")]
    [InlineData("        command: [sh, -c, \"ASPNETCORE_URLS=http://0.0.0.0:80 dotnet app.dll\"]\n", "ASPNETCORE_URLS=http://*:80 dotnet")]
    public void Kestrel_urls_are_fixed_to_the_any_host_and_the_next_run_is_clean(string container, string expected)
    {
        var yaml = Deployment(container);
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml));
        Assert.NotNull(finding.Fix);
        var fixedText = FixApplier.Apply(yaml, [finding.Fix]);
        Assert.Contains(expected, fixedText);
        Assert.Equal(yaml.Replace("0.0.0.0", "*"), fixedText);
        Assert.Empty(Lint(fixedText));
    }

    [Theory]
    [InlineData("        args: [\"--host\", \"0.0.0.0\"]\n")]
    [InlineData("        env:\n        - name: BIND_ADDRESS\n          value: 0.0.0.0:9000\n")]
    [InlineData("        args: [\"--listen=http://0.0.0.0:80\"]\n")]
    public void Other_programs_get_advice_but_no_fix_since_IPv6_may_be_disabled(string container)
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Deployment(container)));
        Assert.Null(finding.Fix);
        Assert.Contains("where the pod has IPv6", finding.Message);
    }

    [Fact]
    public void A_url_with_an_escaped_value_is_reported_without_a_fix()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Deployment("        env:\n        - name: URLS\n          value: \"http://0.0.0.0:80\\t\"\n")));
        Assert.Null(finding.Fix);
    }
}
