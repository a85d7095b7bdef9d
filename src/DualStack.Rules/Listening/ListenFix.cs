namespace DualStack.Rules.Listening;

/// <summary>
/// The replacement for an IPv4-wildcard listen, per runtime, and whether it keeps working where IPv6 is disabled:
/// <list type="bullet">
/// <item>Kestrel (<see cref="ListenRuntime.AspNetCore"/>): the host becomes <c>*</c>. Kestrel binds <c>[::]</c> in dual
/// mode for it and falls back to <c>0.0.0.0</c> when IPv6 is unavailable, so the fix is safe everywhere and may be
/// applied automatically. A literal <c>[::]</c> is not offered: Kestrel fails to start on hosts with IPv6 disabled.</item>
/// <item>Any other program (<see cref="ListenRuntime.Generic"/>): the host becomes <c>::</c> (<c>[::]</c> with a port or
/// in a URL), the IPv6 wildcard, which a Linux socket serves for both families by default. Programs share no spelling
/// with an IPv4 fallback (<c>*</c> means nothing to most of them), so this is offered as advice, never applied: where
/// IPv6 is disabled the program would not start.</item>
/// </list>
/// </summary>
public sealed class ListenFix
{
    private ListenFix(string host, string replacement, bool keepsIPv4Fallback, string explanation)
    {
        Host = host;
        Replacement = replacement;
        KeepsIPv4Fallback = keepsIPv4Fallback;
        Explanation = explanation;
    }

    /// <summary>The new host (<c>*</c>, <c>::</c> or <c>[::]</c>) that replaces the address's host.</summary>
    public string Host { get; }

    /// <summary>The whole address with its host replaced, e.g. <c>http://*:8080</c> or <c>[::]:9000</c>.</summary>
    public string Replacement { get; }

    /// <summary>True when the replacement still listens on IPv4 where IPv6 is disabled: safe to apply automatically.</summary>
    public bool KeepsIPv4Fallback { get; }

    /// <summary>Why the replacement is right, as a clause for a message ("which listens on …").</summary>
    public string Explanation { get; }

    /// <summary>The fix for <paramref name="address"/>, an IPv4-wildcard listen.</summary>
    public static ListenFix For(ListenAddress address)
    {
        if (address.Runtime == ListenRuntime.AspNetCore)
        {
            return new ListenFix("*", Replace(address, "*"), keepsIPv4Fallback: true,
                "which listens on IPv6 and IPv4 and falls back to IPv4 where IPv6 is disabled");
        }

        var host = address.IsUrl || address.Port is not null ? "[::]" : "::";
        return new ListenFix(host, Replace(address, host), keepsIPv4Fallback: false,
            "which listens on both families where the pod has IPv6");
    }

    private static string Replace(ListenAddress address, string host) =>
        address.Source.Substring(address.Start, address.HostStart - address.Start) + host +
        address.Source.Substring(address.HostStart + address.HostLength, address.Start + address.Length - address.HostStart - address.HostLength);
}
