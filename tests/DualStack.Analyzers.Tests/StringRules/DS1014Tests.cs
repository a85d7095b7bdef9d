using Verify = DualStack.Analyzers.Tests.Verifiers.StringRuleVerifier<DualStack.Analyzers.StringRules.DS1014IPv4ValidationAnalyzer>;

namespace DualStack.Analyzers.Tests.StringRules;

public sealed class DS1014Tests
{
    [Fact]
    public async Task Dotted_quad_regexes_are_reported_at_the_pattern()
    {
        await Verify.VerifyAsync("""
            using System.Text.RegularExpressions;
            partial class C
            {
                static readonly Regex IpRegex = new Regex({|DS1014:@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$"|});
                static readonly Regex Strict = new({|DS1014:@"^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$"|}, RegexOptions.Compiled);

                bool IsValidHost(string host) => Regex.IsMatch(host, {|DS1014:@"^([0-9]{1,3}\.){3}[0-9]{1,3}(:\d+)?$"|});

                [GeneratedRegex({|DS1014:@"(\d{1,3}\.){3}\d{1,3}"|})]
                private static partial Regex IPv4AddressRegex();

                // Stands in for the generated part: tests do not run the regex source generator.
                private static partial Regex IPv4AddressRegex() => new Regex(".");
            }
            """);
    }

    [Fact]
    public async Task Host_name_type_and_split_length_checks_are_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            class C
            {
                bool IsIp(Uri uri) => {|DS1014:uri.HostNameType == UriHostNameType.IPv4|};
                bool Check(string host) => {|DS1014:Uri.CheckHostName(host) is UriHostNameType.IPv4|};
                bool IsValidAddress(string value) => {|DS1014:value.Split('.').Length == 4|};
                void Validate(string ipAddress)
                {
                    if ({|DS1014:ipAddress.Split(new[] { '.' }).Length != 4|})
                    {
                        throw new ArgumentException("bad address");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Dual_family_checks_versions_and_non_address_patterns_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Text.RegularExpressions;
            class C
            {
                static readonly Regex Version = new Regex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$");
                static readonly Regex Episode = new Regex(@"[0-9]{1,3}");
                static readonly Regex Pasv = new Regex(@"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)");
                static readonly Regex Both = new Regex(@"^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+)$");

                bool IsIp(Uri uri) => uri.HostNameType == UriHostNameType.IPv4 || uri.HostNameType == UriHostNameType.IPv6;
                bool IsFourPartVersion(string version) => version.Split('.').Length == 4;
                bool IsValidAddress(string value) => value.Contains(':') || value.Split('.').Length == 4;
                bool Invalid(string host) => Regex.IsMatch(host, "(");
            }
            """);
    }

    [Fact]
    public async Task Incomplete_code_does_not_throw()
    {
        await Verify.VerifyIncompleteAsync("""
            using System;
            using System.Text.RegularExpressions;
            class C
            {
                static readonly Regex IpRegex = new Regex({|DS1014:@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$"|})
                bool IsIp(Uri uri) => uri.HostNameType == ;
                bool IsHost(string host) => host.Split('.').Length == Missing;
                bool Re(string host) => Regex.IsMatch(host, Unknown.Pattern;
            }
            """);
    }
}
