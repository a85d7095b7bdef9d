using System.Text.RegularExpressions;

namespace DualStack.Rules.Tests;

public sealed class RuleCatalogTests
{
    [Fact]
    public void Ids_are_unique_ordered_and_in_the_range_of_their_scope()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Matches(new Regex(@"^DS\d{4}$"), rule.Id);
            var expectedDigit = rule.Scope switch
            {
                RuleScope.Input => '0',
                RuleScope.CSharp => '1',
                RuleScope.KubernetesObject => '2',
                _ => '3',
            };
            Assert.Equal(expectedDigit, rule.Id[2]);
        }
    }

    [Fact]
    public void Every_constant_of_RuleIds_is_in_the_catalog()
    {
        var constants = typeof(RuleIds).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(constants);
        Assert.Equal(constants.OrderBy(c => c, StringComparer.Ordinal), RuleCatalog.All.Select(r => r.Id));
    }

    [Fact]
    public void The_catalog_holds_every_rule_named_in_the_design()
    {
        string[] design =
        [
            "DS0001", "DS0002", "DS0003",
            "DS1001", "DS1002", "DS1003", "DS1004", "DS1005", "DS1006", "DS1007", "DS1008", "DS1009", "DS1010",
            "DS1011", "DS1012", "DS1013", "DS1014", "DS1015", "DS1016",
            "DS2001", "DS2002", "DS2003", "DS2004", "DS2005", "DS2006", "DS2007", "DS2008", "DS2009", "DS2010",
            "DS2011", "DS2020", "DS2021", "DS2022", "DS2030", "DS2031", "DS2040", "DS2041", "DS2042", "DS2050",
        ];
        foreach (var id in design)
        {
            Assert.True(RuleCatalog.TryGet(id, out _), id + " is missing from the catalog");
        }
    }

    [Fact]
    public void Titles_have_no_trailing_period_and_descriptions_end_with_one()
    {
        foreach (var rule in RuleCatalog.All)
        {
            Assert.False(rule.Title.EndsWith('.'), rule.Id + " title ends with a period");
            Assert.EndsWith(".", rule.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Lookup_is_case_insensitive_and_rejects_unknown_ids()
    {
        Assert.True(RuleCatalog.TryGet("ds2005", out var rule));
        Assert.Equal("DS2005", rule.Id);
        Assert.False(RuleCatalog.TryGet("DS9999", out _));
        Assert.Throws<ArgumentException>(() => RuleCatalog.Get("DS9999"));
    }
}
