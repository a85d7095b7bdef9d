using DualStack.Manifests.Configuration;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Configuration;

/// <summary>The one configuration step: discovery, validation with file and line, overrides and their errors.</summary>
public sealed class ConfigurationResolverTests
{
    [Fact]
    public void Every_editorconfig_and_globalconfig_above_the_inputs_is_read_once_in_path_order()
    {
        using var folder = new TempFolder();
        var top = folder.Write(".editorconfig", "root = true\n");
        var global = folder.Write(".globalconfig", "is_global = true\n");
        var app = folder.Write("a/.editorconfig", "root = true\n");
        var first = folder.Write("a/x.yaml", "a: 1\n");
        var second = folder.Write("b/y.yaml", "a: 1\n");

        var resolved = ConfigurationResolver.Resolve(new ConfigurationRequest { InputPaths = [second, first] });

        Assert.Equal(new[] { top, global, app }.Order(StringComparer.Ordinal), resolved.ConfigFiles.Where(f => f.StartsWith(folder.Path, StringComparison.Ordinal)));
        Assert.Empty(resolved.Problems);
    }

    [Fact]
    public void Options_follow_sections_and_root_as_the_compiler_applies_them()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[*.yaml]\ndualstack_lint.ip_families = IPv6\ndualstack_lint.kubernetes_version = 1.33\n[legacy/**.yaml]\ndualstack_lint.ip_families = IPv4\n");
        var modern = folder.Write("k8s/a.yaml", "a: 1\n");
        var legacy = folder.Write("legacy/b.yaml", "a: 1\n");

        var configuration = ConfigurationResolver.Resolve(new ConfigurationRequest { InputPaths = [modern, legacy] }).Configuration;

        Assert.Equal(IpFamilies.IPv6Only, configuration.OptionsFor(modern).IpFamilies);
        Assert.Equal(new KubernetesVersion(1, 33), configuration.OptionsFor(modern).KubernetesVersion);
        Assert.Equal(IpFamilies.IPv4Only, configuration.OptionsFor(legacy).IpFamilies);
    }

    [Fact]
    public void Mistakes_in_files_are_warnings_at_their_line_and_the_bad_value_is_ignored()
    {
        using var folder = new TempFolder();
        var editorconfig = folder.Write(".editorconfig",
            "root = true\r\n# dualstack_lint.ignored = comment\r\n[*.yaml]\r\nDualStack_Lint.Kubernetes_Version = 1.19 # too old\r\ndualstack_lint.exclude : vendor/**\r\nother_tool.key = x\r\n");
        var input = folder.Write("a.yaml", "a: 1\n");

        var resolved = ConfigurationResolver.Resolve(new ConfigurationRequest { InputPaths = [input] });

        Assert.False(resolved.HasErrors);
        Assert.Equal(
            [
                $"{editorconfig}:4: dualstack_lint.kubernetes_version: 1.19 is older than the oldest supported version 1.20",
                $"{editorconfig}:5: dualstack_lint.exclude: \"vendor/**\" is not true or false; exclude files with a section and this key, e.g. [vendor/**] then dualstack_lint.exclude = true",
            ],
            resolved.Problems.Select(p => p.ToString()));
        Assert.Equal(KubernetesVersion.Newest, resolved.Configuration.OptionsFor(input).KubernetesVersion);
    }

    [Fact]
    public void Bad_overrides_are_errors_named_by_their_source_and_good_ones_win_over_files()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[*.yaml]\ndualstack_lint.ip_families = IPv4\ndotnet_diagnostic.DS2005.severity = none\n");
        var input = folder.Write("a.yaml", "a: 1\n");

        var bad = ConfigurationResolver.Resolve(new ConfigurationRequest
        {
            InputPaths = [input],
            IpFamilies = new SettingOverride("IPv4,IPv4", "--ip-families"),
            KubernetesVersion = new SettingOverride("1.40", "DualStackLintKubernetesVersion"),
            Severities = [new SettingOverride("DS2005", "--severity")],
        });
        Assert.True(bad.HasErrors);
        Assert.Equal(
            [
                "--ip-families: \"IPv4,IPv4\" names IPv4 twice; a dual-stack cluster has one IPv4 and one IPv6 family",
                "DualStackLintKubernetesVersion: 1.40 is newer than the newest known version 1.36; use 1.36 until dslint knows 1.40",
                "--severity: \"DS2005\" is not RULE=LEVEL, e.g. DS2005=error",
            ],
            bad.Problems.Select(p => p.Message));

        var good = ConfigurationResolver.Resolve(new ConfigurationRequest
        {
            InputPaths = [input],
            IpFamilies = new SettingOverride("IPv6,IPv4", "--ip-families"),
            Severities = [new SettingOverride("ds2005=error", "--severity")],
        });
        Assert.False(good.HasErrors);
        Assert.Equal(IpFamilies.DualStackIPv6Primary, good.Configuration.OptionsFor(input).IpFamilies);
        Assert.True(good.Configuration.OptionsFor(input).IpFamiliesFromCommandLine);
        Assert.Equal(Severity.Error, good.Configuration.SeverityFor(input, "DS2005"));
    }

    [Fact]
    public void An_unreadable_configuration_file_is_an_error_not_an_exception()
    {
        using var folder = new TempFolder();
        var input = folder.Write("a.yaml", "a: 1\n");
        var missing = Path.Combine(folder.Path, "gone.globalconfig");

        var resolved = ConfigurationResolver.Resolve(new ConfigurationRequest { InputPaths = [input], ExtraConfigFiles = [missing] });

        var problem = Assert.Single(resolved.Problems);
        Assert.True(problem.IsError);
        Assert.Equal(missing, problem.File);
        Assert.StartsWith("cannot read the configuration file: ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dualstack_lint.ip_families", "IPv4,IPv6", null)]
    [InlineData("dualstack_lint.kubernetes_version", "v1.30.1", null)]
    [InlineData("dotnet_diagnostic.DS2005.severity", "Warning", null)]
    [InlineData("dotnet_diagnostic.DS2005.severity", "default", null)]
    [InlineData("dotnet_diagnostic.CA1000.severity", "loud", null)]
    [InlineData("indent_style", "anything", null)]
    [InlineData("dualstack_lint.ip_families", "IPv4,", "dualstack_lint.ip_families: \"IPv4,\" is not a list of IP families; use IPv4, IPv6, IPv4,IPv6 or IPv6,IPv4")]
    [InlineData("dualstack_lint.kubernetes_version", "next", "dualstack_lint.kubernetes_version: \"next\" is not a Kubernetes version such as 1.36")]
    [InlineData("dualstack_lint.max_file_size", "20MB", null)]
    [InlineData("dualstack_lint.max_file_size", "1048576", null)]
    [InlineData("dualstack_lint.max_file_size", "1gb", null)]
    [InlineData("dualstack_lint.max_file_size", "1025MB", "dualstack_lint.max_file_size: \"1025MB\" is not a file size; use bytes, or a number with KB, MB or GB, from 1 byte to 1GB (e.g. 20MB)")]
    [InlineData("dualstack_lint.max_file_size", "20 M", "dualstack_lint.max_file_size: \"20 M\" is not a file size; use bytes, or a number with KB, MB or GB, from 1 byte to 1GB (e.g. 20MB)")]
    [InlineData("dualstack_lint", "x", null)]
    [InlineData("dualstack_lint.exclude", "TRUE", null)]
    [InlineData("dualstack_lint.exclude", "false", null)]
    [InlineData("dualstack_lint.exclude", "yes", "dualstack_lint.exclude: \"yes\" is not true or false; exclude files with a section and this key, e.g. [vendor/**] then dualstack_lint.exclude = true")]
    [InlineData("dualstack_lint.excludes", "true", "unknown key \"dualstack_lint.excludes\" (did you mean dualstack_lint.exclude?); dslint reads dualstack_lint.exclude, dualstack_lint.ip_families, dualstack_lint.kubernetes_version and dualstack_lint.max_file_size")]
    [InlineData("dualstack_lint.severity", "x", "unknown key \"dualstack_lint.severity\"; dslint reads dualstack_lint.exclude, dualstack_lint.ip_families, dualstack_lint.kubernetes_version and dualstack_lint.max_file_size")]
    public void File_settings_are_checked_by_key(string key, string value, string? expected)
    {
        Assert.Equal(expected, ConfigurationKeys.CheckFileSetting(key, value));
    }

    [Fact]
    public void Max_file_size_applies_by_path_and_an_override_wins()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[bundles/*.yaml]\ndualstack_lint.max_file_size = 64MB\n");
        var bundle = Path.Combine(folder.Path, "bundles", "crds.yaml");
        var other = Path.Combine(folder.Path, "app.yaml");

        var fromFile = ConfigurationResolver.Resolve(new ConfigurationRequest { InputPaths = [bundle, other] }).Configuration;
        var overridden = ConfigurationResolver.Resolve(new ConfigurationRequest
        {
            InputPaths = [bundle, other],
            MaxFileSize = new SettingOverride("2MB", "--max-file-size"),
        }).Configuration;

        Assert.Equal(64L * 1024 * 1024, fromFile.OptionsFor(bundle).MaxFileBytes);
        Assert.Equal(LintOptions.DefaultMaxFileBytes, fromFile.OptionsFor(other).MaxFileBytes);
        Assert.Equal(2L * 1024 * 1024, overridden.OptionsFor(bundle).MaxFileBytes);
    }
}
