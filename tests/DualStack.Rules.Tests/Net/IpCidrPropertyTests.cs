using System.Numerics;
using CsCheck;
using DualStack.Rules.Net;

namespace DualStack.Rules.Tests.Net;

/// <summary>Algebraic properties of IpCidr / IpAddress arithmetic and of the parse ↔ print round trip.</summary>
public sealed class IpCidrPropertyTests
{
    private static readonly Gen<IpCidr> AnyCidr = Gen.Bool.SelectMany(v4 => v4
        ? Gen.Select(Gen.Byte.Array[4], Gen.Int[0, 32], (b, p) => IpCidr.Create(IpAddress.FromBytes(b), p))
        : Gen.Select(Gen.Byte.Array[16], Gen.Int[0, 128], (b, p) => IpCidr.Create(IpAddress.FromBytes(b), p)));

    // Small ranges around shared networks so that containment and overlap actually happen.
    private static readonly Gen<(IpCidr A, IpCidr B)> RelatedCidrs =
        Gen.Select(Gen.Byte.Array[4], Gen.Int[0, 32], Gen.Int[0, 32], Gen.Byte.Array[4])
            .Select((b, p1, p2, other) =>
            {
                var a = IpCidr.Create(IpAddress.FromBytes(b), p1);
                var bAddress = IpAddress.FromBytes([b[0], b[1], other[2], other[3]]);
                return (a, IpCidr.Create(bAddress, p2));
            });

    [Fact]
    public void Canonical_cidr_text_round_trips() =>
        AnyCidr.Sample(cidr =>
        {
            var text = cidr.ToString();
            Assert.True(IpParser.TryParseCidrSloppy(text, out var parsed), text);
            Assert.Equal(text, parsed.ToString());
            Assert.False(parsed.HasHostBits);
            Assert.Null(KubernetesIpValidation.ValidateCidr(text));
            Assert.Equal(cidr.Network, parsed.Network);
            Assert.Equal(cidr.FamilyPrefixLength, parsed.FamilyPrefixLength);
        }, iter: 3000);

    [Fact]
    public void Network_first_and_last_are_inside_and_sized() =>
        AnyCidr.Sample(cidr =>
        {
            Assert.True(cidr.Contains(cidr.Address));
            Assert.True(cidr.Contains(cidr.Network));
            Assert.True(cidr.Contains(cidr.Last));
            Assert.Equal(cidr.Size - 1, cidr.Last.ToBigInteger() - cidr.Network.ToBigInteger());
            Assert.Equal(cidr.Address.BitLength - cidr.FamilyPrefixLength, cidr.HostBits);
            if (cidr.Size > 1)
            {
                Assert.Equal(cidr.Network.ToBigInteger() + 1, cidr.First.ToBigInteger());
            }

            Assert.False(cidr.TryGetNth(cidr.Size, out _));
        }, iter: 3000);

    [Fact]
    public void Contains_and_overlaps_agree_with_arithmetic() =>
        RelatedCidrs.Sample(pair =>
        {
            var (a, b) = pair;
            BigInteger aLo = a.Network.ToBigInteger(), aHi = a.Last.ToBigInteger();
            BigInteger bLo = b.Network.ToBigInteger(), bHi = b.Last.ToBigInteger();
            Assert.Equal(aLo <= bLo && bHi <= aHi, a.Contains(b));
            Assert.Equal(aLo <= bHi && bLo <= aHi, a.Overlaps(b));
            Assert.Equal(a.Overlaps(b), b.Overlaps(a));
        }, iter: 5000);

    [Fact]
    public void Add_is_reversible_inside_the_family() =>
        Gen.Select(Gen.Byte.Array[16], Gen.Long).Sample((bytes, offset) =>
        {
            var ip = IpAddress.FromBytes(bytes);
            if (ip.TryAdd(offset, out var moved))
            {
                Assert.Equal(ip, moved.Add(-offset));
                Assert.Equal(ip.Family, moved.Family);
            }
        }, iter: 3000);

    [Fact]
    public void Sloppy_text_and_its_canonical_form_are_the_same_address() =>
        Gen.Select(Gen.Byte.Array[4], Gen.Int[0, 2].Array[4]).Sample((bytes, zeros) =>
        {
            // Pad fields with leading zeros: the sloppy parser reads them as decimal.
            var text = string.Join(".", bytes.Select((b, i) => new string('0', zeros[i]) + b));
            var result = IpParser.ParseIp(text, strict: true);
            Assert.True(result.HasValue);
            Assert.Equal(IpAddress.FromBytes(bytes), result.Value);
            var padded = bytes.Select((b, i) => zeros[i] > 0).Any(x => x);
            Assert.Equal(padded ? IpProblem.LeadingZeros : IpProblem.None, result.Problem);
        });
}
