namespace DualStack.AnalyzerCost;

/// <summary>
/// The preprocessor symbols the .NET SDK defines for a target framework moniker (its GenerateTargetFrameworkDefineConstants
/// logic: the family, the version, and every *_OR_GREATER of the family up to it; .NET 5+ also gets the .NET Core ones).
/// </summary>
internal static class FrameworkSymbols
{
    private static readonly string[] NetFramework = ["2.0", "3.0", "3.5", "4.0", "4.5", "4.5.1", "4.5.2", "4.6", "4.6.1", "4.6.2", "4.7", "4.7.1", "4.7.2", "4.8", "4.8.1"];
    private static readonly string[] NetStandard = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.0", "2.1"];
    private static readonly string[] NetCoreApp = ["1.0", "1.1", "2.0", "2.1", "2.2", "3.0", "3.1"];

    public static IEnumerable<string> For(string moniker)
    {
        var tfm = moniker.Split('-')[0].ToLowerInvariant();
        if (tfm.StartsWith("netstandard", StringComparison.Ordinal))
        {
            return Family("NETSTANDARD", tfm["netstandard".Length..], NetStandard, v => v.Replace('.', '_'));
        }

        if (tfm.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            return Family("NETCOREAPP", tfm["netcoreapp".Length..], NetCoreApp, v => v.Replace('.', '_'));
        }

        if (tfm.StartsWith("net", StringComparison.Ordinal) && tfm.Contains('.', StringComparison.Ordinal)
            && Version.TryParse(tfm[3..], out var net) && net.Major >= 5)
        {
            // .NET 5 and later: NET, NETCOREAPP, NETx_y, NETx_y_OR_GREATER from 5.0, and every NETCOREAPPa_b_OR_GREATER.
            var symbols = new List<string> { "NET", "NETCOREAPP", $"NET{net.Major}_{net.Minor}" };
            symbols.AddRange(Enumerable.Range(5, net.Major - 4).Select(major => $"NET{major}_0_OR_GREATER"));
            symbols.AddRange(NetCoreApp.Select(v => $"NETCOREAPP{v.Replace('.', '_')}_OR_GREATER"));
            return symbols;
        }

        if (tfm.StartsWith("net", StringComparison.Ordinal) && tfm.Length > 3 && tfm[3..].All(char.IsDigit))
        {
            // .NET Framework: net472 -> NET472, NETFRAMEWORK, NET20_OR_GREATER … NET472_OR_GREATER.
            var digits = tfm[3..];
            var version = digits.Length == 2 ? $"{digits[0]}.{digits[1]}" : $"{digits[0]}.{digits[1]}.{digits[2..]}";
            return Family("NETFRAMEWORK", version, NetFramework, v => v.Replace(".", "", StringComparison.Ordinal), "NET");
        }

        return [];
    }

    private static IEnumerable<string> Family(string family, string version, string[] versions, Func<string, string> suffix, string? prefix = null)
    {
        var index = Array.IndexOf(versions, version);
        if (index < 0)
        {
            return [family];
        }

        var name = prefix ?? family;
        return [family, name + suffix(version), .. versions.Take(index + 1).Select(v => name + suffix(v) + "_OR_GREATER")];
    }
}
