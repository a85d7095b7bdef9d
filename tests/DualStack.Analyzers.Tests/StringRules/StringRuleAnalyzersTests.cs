using DualStack.Analyzers.StringRules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.Analyzers.Tests.StringRules;

/// <summary>Package-wide checks for every analyzer (help links, silence on code without network APIs).</summary>
public sealed class StringRuleAnalyzersTests
{
    // Every analyzer of the package, found by reflection: a new analyzer is covered without editing a list.
    private static readonly Type[] AnalyzerTypes = typeof(DS1008HardCodedIPv4LiteralAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
            && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

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
    public void The_analyzers_cover_exactly_the_catalogs_CSharp_rules()
    {
        var ids = AnalyzerTypes
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics.Select(d => d.Id))
            .Distinct()
            .Order(StringComparer.Ordinal);
        var catalog = DualStack.Rules.RuleCatalog.All.Select(r => r.Id).Where(id => id.StartsWith("DS1", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(catalog, ids);
    }
}
