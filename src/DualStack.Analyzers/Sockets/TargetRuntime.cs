using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.Analyzers.Sockets;

/// <summary>
/// The runtime the project targets, which decides what some socket constructors do (<c>TcpClient()</c> is IPv4-only
/// on .NET Framework). Read from the build first (<c>build_property.TargetFrameworkIdentifier</c> and
/// <c>build_property.TargetFramework</c>, made visible to the compiler by the package's props), because a project can
/// be compiled against reference assemblies other than the ones it ships for; the referenced assemblies decide only
/// when the build says nothing.
/// </summary>
internal sealed class TargetRuntime
{
    private enum Kind
    {
        Unknown,
        NetFramework,
        NetStandard,
        NetCore,
    }

    private readonly Kind _fromBuild;
    private readonly SocketSymbols _symbols;

    private TargetRuntime(Kind fromBuild, SocketSymbols symbols)
    {
        _fromBuild = fromBuild;
        _symbols = symbols;
    }

    /// <summary>True when the project runs on .NET Framework.</summary>
    public bool IsNetFramework => _fromBuild == Kind.Unknown ? _symbols.TargetsNetFramework : _fromBuild == Kind.NetFramework;

    /// <summary>True on .NET Framework and .NET Standard (a library that may be loaded by .NET Framework).</summary>
    public bool MayRunOnNetFramework =>
        _fromBuild == Kind.Unknown ? _symbols.MayRunOnNetFramework : _fromBuild is Kind.NetFramework or Kind.NetStandard;

    public static TargetRuntime Of(AnalyzerConfigOptions globalOptions, SocketSymbols symbols) =>
        new(FromBuild(globalOptions), symbols);

    private static Kind FromBuild(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_property.TargetFrameworkIdentifier", out var identifier) && !string.IsNullOrWhiteSpace(identifier))
        {
            return identifier.Trim() switch
            {
                ".NETFramework" => Kind.NetFramework,
                ".NETStandard" => Kind.NetStandard,
                ".NETCoreApp" => Kind.NetCore,
                _ => Kind.Unknown,
            };
        }

        return options.TryGetValue("build_property.TargetFramework", out var moniker) ? FromMoniker(moniker.Trim()) : Kind.Unknown;
    }

    /// <summary>
    /// Short monikers: <c>net472</c>, <c>net48</c>, <c>net35</c> (.NET Framework: "net" and digits only),
    /// <c>netstandard2.0</c>, <c>netcoreapp3.1</c>, <c>net8.0</c> (dotted: .NET 5 and later).
    /// </summary>
    private static Kind FromMoniker(string moniker)
    {
        if (moniker.StartsWith("netstandard", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.NetStandard;
        }

        if (moniker.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.NetCore;
        }

        if (moniker.Length > 3 && moniker.StartsWith("net", StringComparison.OrdinalIgnoreCase))
        {
            var version = moniker.Substring(3);
            var dash = version.IndexOf('-');
            if (dash >= 0)
            {
                version = version.Substring(0, dash);
            }

            if (version.Length > 0 && version.All(char.IsDigit))
            {
                return Kind.NetFramework;
            }

            if (version.IndexOf('.') > 0 && char.IsDigit(version[0]))
            {
                return Kind.NetCore;
            }
        }

        return Kind.Unknown;
    }
}
