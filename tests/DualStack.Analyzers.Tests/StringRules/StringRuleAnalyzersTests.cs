using DualStack.Analyzers.StringRules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.Analyzers.Tests.StringRules;

/// <summary>Catalog-wide checks for the string, URL, DNS and validation analyzers (DS1008–DS1016).</summary>
public sealed class StringRuleAnalyzersTests
{
    private static readonly Type[] AnalyzerTypes =
    [
        typeof(DS1008HardCodedIPv4LiteralAnalyzer),
        typeof(DS1009DS1011AddressResolutionAnalyzer),
        typeof(DS1010ListenUrlAnalyzer),
        typeof(DS1012HostPortCompositionAnalyzer),
        typeof(DS1013HostPortSplitAnalyzer),
        typeof(DS1014IPv4ValidationAnalyzer),
        typeof(DS1016HttpListenerPrefixAnalyzer),
    ];

    public static TheoryData<Type> Analyzers() => new(AnalyzerTypes);

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Help_links_point_to_the_rule_pages(Type analyzerType)
    {
        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(analyzerType)!;
        Assert.NotEmpty(analyzer.SupportedDiagnostics);
        foreach (var descriptor in analyzer.SupportedDiagnostics)
        {
            Assert.EndsWith("/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.RulesDirectory, descriptor.Id + ".md")));
        }
    }

    [Fact]
    public async Task Every_analyzer_is_silent_on_code_without_network_apis()
    {
        const string Source = """
            class C
            {
                string Version = "1.2.3.4";
                string[] Parts(string s) => s.Split(':');
                bool Four(string s) => s.Split('.').Length == 4;
            }
            """;
        await Verifiers.StringRuleVerifier<DS1008HardCodedIPv4LiteralAnalyzer>.VerifyAsync(Source);
        await Verifiers.StringRuleVerifier<DS1009DS1011AddressResolutionAnalyzer>.VerifyAsync(Source);
        await Verifiers.StringRuleVerifier<DS1010ListenUrlAnalyzer>.VerifyAsync(Source);
        await Verifiers.StringRuleVerifier<DS1012HostPortCompositionAnalyzer>.VerifyAsync(Source);
        await Verifiers.StringRuleVerifier<DS1013HostPortSplitAnalyzer>.VerifyAsync(Source);
        await Verifiers.StringRuleVerifier<DS1014IPv4ValidationAnalyzer>.VerifyAsync(Source);
        await Verifiers.StringRuleVerifier<DS1016HttpListenerPrefixAnalyzer>.VerifyAsync(Source);
    }

    [Fact]
    public void The_string_rule_analyzers_cover_exactly_their_rules()
    {
        var ids = AnalyzerTypes
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics.Select(d => d.Id));
        Assert.Equal(["DS1008", "DS1009", "DS1010", "DS1011", "DS1012", "DS1013", "DS1014", "DS1016"], ids.Order(StringComparer.Ordinal));
    }
}
