using System.Text.RegularExpressions;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Workloads;

/// <summary>One place where a container is told to listen on the IPv4 wildcard.</summary>
/// <param name="Container">The container's name (or its path when unnamed).</param>
/// <param name="Node">The scalar that says so (an env value, an args or command item).</param>
/// <param name="Field">Its field path, e.g. <c>spec.template.spec.containers[0].env[2].value</c>.</param>
/// <param name="Source">What the scalar is: <c>env ASPNETCORE_URLS</c>, <c>args[1]</c>.</param>
/// <param name="Token">The part of the value that names <c>0.0.0.0</c>.</param>
/// <param name="Replacement">The same part with an all-families wildcard.</param>
public sealed record IPv4WildcardListen(string Container, YamlScalarNode Node, string Field, string Source, string Token, string Replacement);

/// <summary>
/// Finds containers told to listen on <c>0.0.0.0</c> only: the listen-URL variables of ASP.NET Core
/// (<c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c>, <c>URLS</c>; several URLs separated by <c>;</c>; Kestrel endpoint URLs
/// <c>Kestrel__Endpoints__Name__Url</c>), host/bind/listen-style
/// variables, and command-line items (<c>--bind-address=0.0.0.0</c>, <c>--host 0.0.0.0</c>, <c>-b 0.0.0.0</c>,
/// <c>0.0.0.0:8080</c>, <c>http://0.0.0.0:80</c>, also inside a shell script). A listen that the same list also opens on
/// the IPv6 wildcard (<c>[::]</c>, <c>::</c>; for Kestrel URLs also <c>*</c>, <c>+</c>) and the same port is dual-stack
/// and not reported. Shared by DS2030 and DS2011.
/// </summary>
public static class IPv4WildcardListenDetector
{
    private static readonly HashSet<string> UrlVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_URLS", "DOTNET_URLS", "URLS",
    };

    // Kestrel endpoints from configuration: Kestrel__Endpoints__Http__Url (env form of Kestrel:Endpoints:Http:Url).
    private static readonly Regex KestrelEndpointUrl = new(@"^Kestrel(__|:)Endpoints(__|:)[^_:]+(__|:)Url$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Variables whose whole value is a listen address: HOST, BIND_ADDRESS, LISTEN_ADDR, SERVER_HOST, …
    private static readonly Regex AddressVariable = new(@"(^|_)(HOST|BIND|LISTEN|ADDR|ADDRESS)(_|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // 0.0.0.0, optionally with a port, optionally as the host of a URL; not 0.0.0.0/0 (a CIDR) nor 0.0.0.01.
    private static readonly Regex Wildcard = new(@"^(?:[a-z][a-z0-9+.-]*://0\.0\.0\.0(?::\d{1,5})?(?:/\S*)?|0\.0\.0\.0(?::\d{1,5})?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex IPv6Wildcard = new(@"^(?:[a-z][a-z0-9+.-]*://\[(?:::|0:0:0:0:0:0:0:0)\](?::\d{1,5})?(?:/\S*)?|::|\[(?:::|0:0:0:0:0:0:0:0)\](?::\d{1,5})?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Kestrel's any-host URLs: http://*:80, http://+:80 (both listen on the IPv6 wildcard, dual mode).
    private static readonly Regex AnyHostUrl = new(@"^[a-z][a-z0-9+.-]*://[*+](?::\d{1,5})?(?:/\S*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex ListenPort = new(@"^(?:(?<scheme>[a-z][a-z0-9+.-]*)://)?(?:\[[^\]]*\]|[^:/\[]+)(?::(?<port>\d{1,5}))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly char[] ShellSeparators = [' ', '\t', '\n', '\r', '"', '\'', '`', ';', '&', '|', '(', ')'];

    /// <summary>Every IPv4-wildcard listen of every container of every pod spec of <paramref name="obj"/>.</summary>
    public static IEnumerable<IPv4WildcardListen> Find(KubeObject obj) =>
        PodSpecs.Of(obj).SelectMany(pod => PodSpecs.Containers(pod)).SelectMany(c => InContainer(c.Container, c.Path));

    /// <summary>The IPv4-wildcard listens of one container.</summary>
    public static IEnumerable<IPv4WildcardListen> InContainer(YamlMappingNode container, string path)
    {
        var name = container.GetString("name") ?? path;
        var found = new List<IPv4WildcardListen>();
        var env = container.Get("env").Items();
        for (var i = 0; i < env.Count; i++)
        {
            if (env[i].GetString("name") is not { } variable || env[i].GetScalar("value") is not { } valueNode || valueNode.AsString() is not { } value)
            {
                continue;
            }

            var field = $"{path}.env[{i}].value";
            if (UrlVariables.Contains(variable) || KestrelEndpointUrl.IsMatch(variable))
            {
                // Kestrel reads a ;-separated list; an IPv6-wildcard or any-host (*, +) URL on the same port serves both families.
                var urls = value.Split(';').Select(u => u.Trim()).Where(u => u.Length > 0).ToList();
                var allFamilies = urls.Where(u => IsIPv6Wildcard(u) || AnyHostUrl.IsMatch(u)).Select(PortOf).ToList();
                found.AddRange(urls
                    .Where(u => IsIPv4Wildcard(u) && !CoveredBy(allFamilies, u))
                    .Select(u => new IPv4WildcardListen(name, valueNode, field, "env " + variable, u, Replace(u))));
            }
            else if (AddressVariable.IsMatch(variable) && IsIPv4Wildcard(value.Trim()))
            {
                found.Add(new IPv4WildcardListen(name, valueNode, field, "env " + variable, value.Trim(), Replace(value.Trim())));
            }
        }

        // command and args form one command line: "--host" in one item and "0.0.0.0" in the next is one option.
        var items = new List<(YamlScalarNode Node, string Field, string Source, string Value)>();
        foreach (var list in new[] { "command", "args" })
        {
            var entries = container.Get(list).Items();
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i] is YamlScalarNode scalar && scalar.AsString() is { } value)
                {
                    items.Add((scalar, $"{path}.{list}[{i}]", $"{list}[{i}]", value));
                }
            }
        }

        // A second listen option on the IPv6 wildcard and the same port (gunicorn's two --bind) serves both families.
        var ipv6Listens = items.SelectMany(i => Tokens(i.Value)).Where(IsIPv6Wildcard).Select(PortOf).ToList();
        foreach (var item in items)
        {
            foreach (var token in Tokens(item.Value))
            {
                if (IsIPv4Wildcard(token) && !CoveredBy(ipv6Listens, token))
                {
                    found.Add(new IPv4WildcardListen(name, item.Node, item.Field, item.Source, token, Replace(token)));
                }
            }
        }

        return found;
    }

    // The value of a token: "--bind-address=0.0.0.0" → "0.0.0.0"; "ASPNETCORE_URLS=http://0.0.0.0:80" → the URL.
    private static string ValueOf(string token)
    {
        var equals = token.IndexOf('=');
        return equals >= 0 ? token.Substring(equals + 1) : token;
    }

    private static bool IsIPv4Wildcard(string token) => Wildcard.IsMatch(ValueOf(token));

    private static bool IsIPv6Wildcard(string token) => IPv6Wildcard.IsMatch(ValueOf(token)) || ValueOf(token).Split(';').Any(u => IPv6Wildcard.IsMatch(u.Trim()));

    // Two listens cover each other when their ports are equal or either port is unknown (then assume they do).
    private static bool CoveredBy(List<string?> allFamilyPorts, string token)
    {
        var port = PortOf(token);
        return allFamilyPorts.Any(p => p is null || port is null || p == port);
    }

    // The port of a listen value: explicit, or the scheme's default (http 80, https 443); null when unknown.
    private static string? PortOf(string token)
    {
        var match = ListenPort.Match(ValueOf(token));
        if (!match.Success || ValueOf(token) == "::")
        {
            return null;
        }

        if (match.Groups["port"].Success)
        {
            return match.Groups["port"].Value;
        }

        return match.Groups["scheme"].Value.ToLowerInvariant() switch
        {
            "http" => "80",
            "https" => "443",
            _ => null,
        };
    }

    private static IEnumerable<string> Tokens(string value) => value.Split(ShellSeparators, StringSplitOptions.RemoveEmptyEntries);

    // URLs take Kestrel's any-host form; bare addresses the IPv6 wildcard, which Linux serves dual-stack by default.
    private static string Replace(string token)
    {
        var value = ValueOf(token);
        var prefix = token.Substring(0, token.Length - value.Length);
        var replaced = value.IndexOf("://", StringComparison.Ordinal) >= 0
            ? value.Replace("0.0.0.0", "[::]")
            : value.Length == "0.0.0.0".Length ? "::" : "[::]" + value.Substring("0.0.0.0".Length);
        return prefix + replaced;
    }
}
