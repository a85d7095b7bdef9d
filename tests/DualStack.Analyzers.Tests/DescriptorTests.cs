using System.Reflection;
using DualStack.Rules;
using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.Tests;

/// <summary>The analyzer's descriptors are projections of the shared catalog; these tests keep them equal.</summary>
public sealed class DescriptorTests
{
    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var d in AllDescriptors())
        {
            data.Add(d.Id);
        }

        return data;
    }

    [Fact]
    public void There_is_one_descriptor_per_CSharp_rule_of_the_catalog()
    {
        var catalog = RuleCatalog.All.Where(r => r.Scope == RuleScope.CSharp).Select(r => r.Id);
        Assert.Equal(catalog, AllDescriptors().Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_matches_the_catalog(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var rule = RuleCatalog.Get(id);
        Assert.Equal(rule.Title, descriptor.Title.ToString());
        Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
        Assert.Equal(rule.Category, descriptor.Category);
        Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
        Assert.Equal(ToDiagnosticSeverity(rule.DefaultSeverity), descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Release_tracking_lists_every_descriptor_with_its_severity(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var path = Path.Combine(RepositoryPaths.Root, "src", "DualStack.Analyzers", "AnalyzerReleases.Unshipped.md");
        var row = File.ReadAllLines(path).SingleOrDefault(l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.NotNull(row);
        var cells = row!.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    internal static IReadOnlyList<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    private static DiagnosticSeverity ToDiagnosticSeverity(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
