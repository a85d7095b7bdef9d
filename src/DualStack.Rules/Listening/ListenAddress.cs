namespace DualStack.Rules.Listening;

/// <summary>
/// One listen address found in a text (a URL of a list, an option value, a variable value), with the spans needed to
/// report and fix it. Offsets are relative to the text that was parsed.
/// </summary>
public sealed class ListenAddress
{
    internal ListenAddress(string source, int start, int length, int hostStart, int hostLength, string? port, bool isUrl, ListenRuntime runtime)
    {
        Source = source;
        Start = start;
        Length = length;
        HostStart = hostStart;
        HostLength = hostLength;
        Port = port;
        IsUrl = isUrl;
        Runtime = runtime;
        HostKind = ListenHosts.Classify(Host);
    }

    /// <summary>The text the address was found in.</summary>
    public string Source { get; }

    /// <summary>Where the address (the whole URL or <c>host:port</c>) starts in <see cref="Source"/>.</summary>
    public int Start { get; }

    public int Length { get; }

    /// <summary>Where the host starts in <see cref="Source"/> (brackets included for IPv6 literals).</summary>
    public int HostStart { get; }

    public int HostLength { get; }

    /// <summary>The explicit port, or the scheme's default (http 80, https 443); null when unknown.</summary>
    public string? Port { get; }

    /// <summary>Written as <c>scheme://host…</c>.</summary>
    public bool IsUrl { get; }

    /// <summary>Who reads it, which decides the replacement.</summary>
    public ListenRuntime Runtime { get; }

    public ListenHostKind HostKind { get; }

    /// <summary>The whole address, e.g. <c>http://0.0.0.0:8080</c> or <c>0.0.0.0:9000</c>.</summary>
    public string Text => Source.Substring(Start, Length);

    /// <summary>The host as written, e.g. <c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>.</summary>
    public string Host => Source.Substring(HostStart, HostLength);

    /// <summary>Accepts IPv4 only: the IPv4 wildcard.</summary>
    public bool IsIPv4Wildcard => HostKind == ListenHostKind.IPv4Wildcard;

    /// <summary>
    /// Accepts both families: the IPv6 wildcard for every runtime, and for Kestrel also <c>*</c> and <c>+</c>
    /// (other programs may read <c>*</c> as anything, so it counts only for Kestrel).
    /// </summary>
    public bool ServesBothFamilies =>
        HostKind == ListenHostKind.IPv6Wildcard || (HostKind == ListenHostKind.AnyHost && Runtime == ListenRuntime.AspNetCore);

    /// <summary>
    /// Whether <paramref name="other"/> listens on the same port: equal ports, or either port unknown (then they are
    /// assumed to, so a second listen option of unknown port silences rather than guesses).
    /// </summary>
    public bool SharesPortWith(ListenAddress other) => Port is null || other.Port is null || Port == other.Port;

    /// <summary>The replacement for an <see cref="IsIPv4Wildcard"/> address (see <see cref="ListenFix"/>).</summary>
    public ListenFix Fix() => ListenFix.For(this);

    public override string ToString() => Text;
}
