using DualStack.Rules.Net;

namespace DualStack.Rules.Tests.Net;

/// <summary>Comma-separated dual-stack lists (spec §5, cluster-config §0): positions, families, list problems.</summary>
public sealed class DualStackListTests
{
    [Fact]
    public void Dual_pair_with_positions_and_primary_family()
    {
        var list = DualStackList.ParseCidrs("10.42.0.0/16,fd00:42::/56");
        Assert.True(list.IsValid);
        Assert.True(list.IsDualStack);
        Assert.Equal(IpFamily.IPv4, list.PrimaryFamily);
        Assert.Equal([IpFamily.IPv4, IpFamily.IPv6], list.Families);
        Assert.Equal(2, list.Items.Count);
        Assert.Equal((0, 12, 0), (list.Items[0].Offset, list.Items[0].Length, list.Items[0].Index));
        Assert.Equal((13, 12, 1), (list.Items[1].Offset, list.Items[1].Length, list.Items[1].Index));
        Assert.Equal("fd00:42::/56", list.Items[1].Cidr!.Value.ToString());
    }

    [Fact]
    public void Ipv6_primary_and_single_entries()
    {
        Assert.Equal(IpFamily.IPv6, DualStackList.ParseCidrs("fd00::/108,10.96.0.0/12").PrimaryFamily);
        var single = DualStackList.ParseIps("10.0.0.5");
        Assert.True(single.IsValid);
        Assert.False(single.IsDualStack);
        Assert.Equal(IpFamily.IPv4, single.PrimaryFamily);
    }

    [Fact]
    public void Strict_whitespace_makes_the_entry_invalid_and_says_why()
    {
        const string Text = "10.42.0.0/16, fd00:42::/56";
        var list = DualStackList.ParseCidrs(Text, ListWhitespace.Strict);
        Assert.False(list.IsValid);
        var second = list.Items[1];
        Assert.Equal(IpProblem.Invalid, second.Problem);
        Assert.True(second.HasWhitespace);
        Assert.Equal(" fd00:42::/56", second.Text);
        Assert.Equal(13, second.Offset);
        Assert.Equal(" fd00:42::/56", Text.Substring(second.Offset, second.Length));
        Assert.Equal("\" fd00:42::/56\" has whitespace, which is not trimmed here (no spaces after commas); use \"fd00:42::/56\"", second.Message);
    }

    [Fact]
    public void Trim_mode_trims_and_reports_trimmed_positions()
    {
        const string Text = " 10.0.0.5 ,  fd00::5 ";
        var list = DualStackList.ParseIps(Text, ListWhitespace.Trim);
        Assert.True(list.IsValid);
        Assert.Equal("10.0.0.5", list.Items[0].Text);
        Assert.Equal(1, list.Items[0].Offset);
        Assert.Equal("fd00::5", Text.Substring(list.Items[1].Offset, list.Items[1].Length));
        Assert.True(list.Items[1].HasWhitespace);
    }

    [Fact]
    public void More_than_two_entries()
    {
        const string Text = "10.0.0.0/16,fd00::/64,10.1.0.0/16";
        var list = DualStackList.ParseCidrs(Text);
        var problem = Assert.Single(list.Problems);
        Assert.Equal(DualStackListProblemKind.TooManyEntries, problem.Kind);
        Assert.Equal("10.1.0.0/16", Text.Substring(problem.Offset, problem.Length));
        Assert.Equal(2, problem.Index);
        Assert.Equal($"\"{Text}\" has 3 entries; a dual-stack list holds at most two, one IPv4 and one IPv6 CIDR", problem.Message);
    }

    [Fact]
    public void Two_entries_of_one_family()
    {
        var list = DualStackList.ParseCidrs("10.0.0.0/16,10.1.0.0/16");
        var problem = Assert.Single(list.Problems);
        Assert.Equal(DualStackListProblemKind.SameFamily, problem.Kind);
        Assert.Equal(12, problem.Offset);
        Assert.Equal(1, problem.Index);
        Assert.Equal("\"10.0.0.0/16\" and \"10.1.0.0/16\" are both IPv4; a dual-stack list needs one IPv4 and one IPv6 CIDR", problem.Message);
        Assert.False(list.IsDualStack);
    }

    [Fact]
    public void Mapped_entry_counts_as_IPv4_for_the_pair_rule()
    {
        var list = DualStackList.ParseIps("10.0.0.1,::ffff:10.0.0.2");
        Assert.Equal(DualStackListProblemKind.SameFamily, Assert.Single(list.Problems).Kind);
    }

    [Theory]
    [InlineData("10.0.0.0/16,,fd00::/64", 12, 1)]
    [InlineData("10.0.0.0/16,", 12, 1)]
    [InlineData(",fd00::/64", 0, 0)]
    public void Empty_entries(string text, int offset, int index)
    {
        var list = DualStackList.ParseCidrs(text);
        var problem = list.Problems.First(p => p.Kind == DualStackListProblemKind.EmptyItem);
        Assert.Equal(offset, problem.Offset);
        Assert.Equal(0, problem.Length);
        Assert.Equal(index, problem.Index);
        Assert.DoesNotContain(list.Items, i => i.Text.Length == 0);
    }

    [Fact]
    public void Leading_empty_entry_means_no_primary_family() =>
        Assert.Null(DualStackList.ParseCidrs(",fd00::/64").PrimaryFamily);

    [Theory]
    [InlineData("", ListWhitespace.Strict)]
    [InlineData(null, ListWhitespace.Strict)]
    [InlineData("   ", ListWhitespace.Trim)]
    public void Empty_list(string? text, ListWhitespace whitespace)
    {
        var list = DualStackList.ParseCidrs(text, whitespace);
        Assert.Equal(DualStackListProblemKind.Empty, Assert.Single(list.Problems).Kind);
        Assert.Empty(list.Items);
        Assert.Null(list.PrimaryFamily);
    }

    [Fact]
    public void Invalid_entry_quotes_value_and_detail()
    {
        var list = DualStackList.ParseCidrs("10.0.0.0/33,fd00::/64");
        Assert.Equal("\"10.0.0.0/33\" must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)", list.Items[0].Message);
        Assert.Null(list.PrimaryFamily);
        Assert.Empty(list.Problems);
    }

    [Fact]
    public void Strict_entries_offer_the_canonical_value()
    {
        var sloppy = DualStackList.ParseCidrs("10.1.2.3/16,fd00::/64");
        Assert.True(sloppy.IsValid); // components mask silently
        Assert.True(sloppy.Items[0].Cidr!.Value.HasHostBits);

        var strict = DualStackList.ParseCidrs("10.1.2.3/16,fd00::/64", strict: true);
        var item = strict.Items[0];
        Assert.Equal(IpProblem.HostBitsSet, item.Problem);
        Assert.Equal("must not have bits set beyond the prefix length", item.Detail);
        Assert.Equal("\"10.1.2.3/16\" must not have bits set beyond the prefix length; use \"10.1.0.0/16\"", item.Message);
        Assert.Equal("10.1.0.0/16", item.Canonical);
    }
    [Fact]
    public void Entries_include_the_empty_ones_in_place()
    {
        var list = DualStackList.ParseCidrs("10.0.0.0/16,,fd00::/64");
        Assert.Equal(["10.0.0.0/16", "", "fd00::/64"], list.Entries.Select(e => e.Text));
        Assert.Equal([0, 12, 13], list.Entries.Select(e => e.Offset));
        Assert.False(list.Entries[1].IsValid);
        Assert.Equal(DualStackListProblemKind.TooManyEntries, list.Problems.Last().Kind); // strings.Split counts it
    }

    [Fact]
    public void A_space_after_the_comma_keeps_what_was_meant_beside_the_error()
    {
        var entry = DualStackList.ParseCidrs("10.42.0.0/16, fd00:42::/56").Entries[1];
        Assert.False(entry.IsValid);
        Assert.Null(entry.Cidr);
        Assert.True(entry.HasLeadingWhitespace);
        Assert.Equal("fd00:42::/56", entry.TrimmedCidr!.Value.ToString());
        Assert.Null(DualStackList.ParseCidrs("10.42.0.0/16,fd00:42::/zz").Entries[1].TrimmedCidr);
    }

    [Fact]
    public void A_sequence_follows_the_same_list_rules()
    {
        var list = DualStackList.ParseCidrSequence(["10.0.0.0/16", " 10.1.0.0/16 "], ListWhitespace.Trim);
        Assert.Equal(DualStackListProblemKind.SameFamily, Assert.Single(list.Problems).Kind);
        Assert.Equal((1, "10.1.0.0/16"), (list.Items[1].Offset, list.Items[1].Text));
    }

    // kubelet parseNodeIP (component-helpers/node/util/ips.go): empty is unset, trimmed, unparsable entries dropped.
    [Theory]
    [InlineData("", null, 0)]
    [InlineData("10.0.0.1", null, 1)]
    [InlineData(" 10.0.0.1 , fd00::1 ", null, 2)]
    [InlineData("10.0.0.1,bogus,fd00::1", null, 3)]
    [InlineData("10.0.0.1,", null, 2)]
    [InlineData("10.0.0.1,10.0.0.2", DualStackListProblemKind.SameFamily, 2)]
    [InlineData("10.0.0.1,fd00::1,fd00::2", DualStackListProblemKind.TooManyEntries, 3)]
    [InlineData("0.0.0.0,fd00::1", DualStackListProblemKind.UnspecifiedInPair, 2)]
    [InlineData("10.0.0.1,::", DualStackListProblemKind.UnspecifiedInPair, 2)]
    [InlineData("0.0.0.0", null, 1)]
    public void Node_ips_as_kubelet_reads_them(string text, DualStackListProblemKind? expected, int entries)
    {
        var list = DualStackList.ParseNodeIps(text);
        Assert.Equal(expected is null ? [] : [expected.Value], list.Problems.Select(p => p.Kind));
        Assert.Equal(entries, list.Entries.Count);
    }

    [Fact]
    public void Node_ip_problems_point_at_the_last_kept_entry()
    {
        var list = DualStackList.ParseNodeIps("10.0.0.1,fd00::1,bogus,fd00::2");
        var problem = Assert.Single(list.Problems);
        Assert.Equal((3, "fd00::2"), (problem.Index, "10.0.0.1,fd00::1,bogus,fd00::2".Substring(problem.Offset, problem.Length)));
    }
}
