using System.Text;
using YamlDotNet.RepresentationModel;

namespace DualStack.Fuzz.Tests;

/// <summary>How an input is derived from a seed manifest.</summary>
internal enum MutationKind
{
    /// <summary>On the YAML tree: values replaced by edge values, entries removed, duplicated or added.</summary>
    Structure,

    /// <summary>On lines: values after <c>key:</c> replaced, lines deleted, duplicated, re-indented, new keys inserted, line ends changed.</summary>
    Lines,

    /// <summary>On bytes: flips, interesting bytes and byte-order marks inserted, ranges deleted, truncation.</summary>
    Bytes,
}

/// <summary>
/// Deterministic mutators: the same seed text, kind, random seed and step count give the same input, so a failure
/// found by CsCheck is reproduced from its printed values and kept in Regressions/.
/// </summary>
internal static class Mutators
{
    /// <summary>Values that have broken parsers and fixers before: nulls, empty collections, near-miss policies, odd IPs.</summary>
    public static readonly string[] EdgeValues =
    [
        "", "~", "null", "{}", "[]", "SingleStack", "PreferDualStack", "RequireDualStack", "singlestack", "IPv4", "IPv6",
        "None", "10.0.0.1", "010.0.0.1", "::ffff:10.0.0.1", "fd00::/108", "10.0.0.0/8", "10.0.0.1/8", "0.0.0.0/0", "::/0",
        "0.0.0.0", "::", "[::]", "[IPv4, IPv6]", "[IPv6, IPv4, IPv4]", "[\"10.0.0.1\", \"fd00::1\"]", "[None]", "'quoted'",
        "\"dq\"", "1e9", "-1", "true", "http://0.0.0.0:8080", "0.0.0.0:8080", "--bind-address=0.0.0.0", "LoadBalancer",
        "NodePort", "ExternalName", "10.0.0.0/8,fd00::/64", "10.0.0.0/8, fd00::/64", "*a", "&a x", "!!str x", "|\n  x",
        "{a: b}", "[a, [b]]", new string('a', 300), "169.254.0.1", "127.0.0.1", "fe80::1", "2001:db8::/32",
    ];

    /// <summary>Keys the checks look at, inserted where they are unexpected.</summary>
    public static readonly string[] EdgeKeys =
    [
        "ipFamilyPolicy", "ipFamilies", "clusterIP", "clusterIPs", "type", "selector", "externalIPs",
        "loadBalancerSourceRanges", "podSubnet", "serviceSubnet", "cidr", "except", "spec", "metadata", "kind",
        "apiVersion", "addresses", "hostAliases", "podCIDRs", "IPv6_SUPPORT", "<<",
    ];

    private static readonly byte[][] EdgeBytes =
    [
        [0x00], [0xFF], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [(byte)'\r'], [(byte)'\t'],
        [(byte)'{'], [(byte)'&'], [(byte)'*'], [(byte)'!'], [(byte)':'], [(byte)'-'], [(byte)'#'], [(byte)'"'], [0xC3], [0xED, 0xA0, 0x80],
        "\n---\n"u8.ToArray(), "\n...\n"u8.ToArray(), "%YAML 1.1\n"u8.ToArray(), [0x1B, (byte)'['],
    ];

    public static byte[] Mutate(string seed, MutationKind kind, int randomSeed, int steps)
    {
        var random = new Random(randomSeed);
        return kind switch
        {
            MutationKind.Structure => Encoding.UTF8.GetBytes(MutateStructure(seed, random, steps)),
            MutationKind.Lines => Encoding.UTF8.GetBytes(MutateLines(seed, random, steps)),
            _ => MutateBytes(Encoding.UTF8.GetBytes(seed), random, steps),
        };
    }

    private static string MutateStructure(string seed, Random random, int steps)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(seed));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return MutateLines(seed, random, steps);
        }

        for (var step = 0; step < steps; step++)
        {
            var nodes = stream.Documents.SelectMany(d => d.AllNodes).ToList();
            if (nodes.Count == 0)
            {
                break;
            }

            switch (nodes[random.Next(nodes.Count)])
            {
                case YamlScalarNode scalar:
                    scalar.Value = Pick(EdgeValues, random);
                    scalar.Style = random.Next(4) switch
                    {
                        0 => YamlDotNet.Core.ScalarStyle.SingleQuoted,
                        1 => YamlDotNet.Core.ScalarStyle.DoubleQuoted,
                        _ => YamlDotNet.Core.ScalarStyle.Any,
                    };
                    break;
                case YamlMappingNode mapping when mapping.Children.Count > 0 && random.Next(3) == 0:
                    mapping.Children.Remove(mapping.Children.Keys.ElementAt(random.Next(mapping.Children.Count)));
                    break;
                case YamlMappingNode mapping:
                    var key = new YamlScalarNode(Pick(EdgeKeys, random));
                    if (!mapping.Children.ContainsKey(key))
                    {
                        mapping.Children.Add(key, random.Next(3) == 0 ? new YamlSequenceNode(new YamlScalarNode(Pick(EdgeValues, random))) : new YamlScalarNode(Pick(EdgeValues, random)));
                    }

                    break;
                case YamlSequenceNode sequence when sequence.Children.Count > 0 && random.Next(2) == 0:
                    sequence.Children.Add(sequence.Children[random.Next(sequence.Children.Count)]);
                    break;
                case YamlSequenceNode sequence:
                    sequence.Children.Add(new YamlScalarNode(Pick(EdgeValues, random)));
                    break;
            }
        }

        var writer = new StringWriter();
        try
        {
            stream.Save(writer, assignAnchors: false);
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException)
        {
            return MutateLines(seed, random, steps);
        }

        return writer.ToString();
    }

    private static string MutateLines(string seed, Random random, int steps)
    {
        var lines = seed.Split('\n').ToList();
        var lineEnd = "\n";
        for (var step = 0; step < steps && lines.Count > 0; step++)
        {
            var i = random.Next(lines.Count);
            var indent = lines[i].Length - lines[i].TrimStart(' ').Length;
            switch (random.Next(8))
            {
                case 0:
                case 1:
                    var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                    var end = lines[i].EndsWith(':') ? lines[i].Length : -1;
                    var at = colon >= 0 ? colon + 2 : end;
                    if (at >= 0)
                    {
                        lines[i] = lines[i][..Math.Min(at, lines[i].Length)] + (at == lines[i].Length && colon < 0 ? " " : string.Empty) + Pick(EdgeValues, random);
                    }

                    break;
                case 2:
                    lines.RemoveAt(i);
                    break;
                case 3:
                    lines.Insert(i, lines[i]);
                    break;
                case 4:
                    lines.Insert(i, new string(' ', indent) + Pick(EdgeKeys, random) + ":" + (random.Next(3) == 0 ? string.Empty : " " + Pick(EdgeValues, random)));
                    break;
                case 5:
                    lines[i] = new string(' ', random.Next(0, 8)) + lines[i].TrimStart(' ');
                    break;
                case 6:
                    lines.Insert(i, new string(' ', indent) + "# " + Pick(EdgeValues, random));
                    break;
                default:
                    lineEnd = random.Next(3) switch { 0 => "\r\n", 1 => "\r", _ => "\n" };
                    break;
            }
        }

        return string.Join(lineEnd, lines);
    }

    private static byte[] MutateBytes(byte[] seed, Random random, int steps)
    {
        var bytes = seed.ToList();
        for (var step = 0; step < steps; step++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.InsertRange(at, Pick(EdgeBytes, random));
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 16)));
                    break;
                case 3:
                    bytes.InsertRange(0, Pick(EdgeBytes, random));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
