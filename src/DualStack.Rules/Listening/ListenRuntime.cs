namespace DualStack.Rules.Listening;

/// <summary>
/// Who reads a listen address, which decides what a host means and which replacement keeps working everywhere.
/// </summary>
public enum ListenRuntime
{
    /// <summary>
    /// ASP.NET Core's Kestrel, reading a <c>;</c>-separated URL list (<c>ASPNETCORE_URLS</c>, <c>urls</c>, <c>--urls</c>,
    /// <c>Kestrel:Endpoints:*:Url</c>). Kestrel parses a <c>0.0.0.0</c> host as that IPv4 address; for any host it cannot
    /// parse (<c>*</c>, <c>+</c>) it binds <c>[::]</c> in dual mode and falls back to <c>0.0.0.0</c> where IPv6 is
    /// disabled, while a literal <c>[::]</c> fails to start there.
    /// </summary>
    AspNetCore,

    /// <summary>
    /// Any other program given an address (<c>--bind-address=0.0.0.0</c>, <c>--host 0.0.0.0</c>, <c>0.0.0.0:8080</c>,
    /// a <c>HOST</c> variable). Such programs pass the text to the socket API, where <c>::</c> is the IPv6 wildcard,
    /// dual-stack on Linux by default (<c>net.ipv6.bindv6only = 0</c>); they share no spelling that falls back to IPv4.
    /// </summary>
    Generic,
}
