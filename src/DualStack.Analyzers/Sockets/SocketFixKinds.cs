namespace DualStack.Analyzers.Sockets;

/// <summary>
/// Keys and values of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that tell a fixer which rewrite the
/// analyzer found safe. A fixer offers nothing when the key is absent: safety is decided where the semantics are known.
/// </summary>
internal static class SocketFixKinds
{
    public const string Key = "DualStack.Fix";

    /// <summary><c>new TcpListener(IPAddress.Any, p)</c>, <c>new TcpListener(int)</c> → <c>TcpListener.Create(p)</c>.</summary>
    public const string TcpListenerCreate = "TcpListenerCreate";

    /// <summary>Kestrel <c>Listen(IPAddress.Any, p[, c])</c> → <c>ListenAnyIP(p[, c])</c>.</summary>
    public const string ListenAnyIP = "ListenAnyIP";

    /// <summary><c>new Socket(InterNetwork, t, p)</c> → <c>new Socket(t, p)</c>.</summary>
    public const string DualModeSocket = "DualModeSocket";

    /// <summary><c>a.MapToIPv4()</c> → <c>a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a</c>.</summary>
    public const string GuardMapToIPv4 = "GuardMapToIPv4";

    /// <summary>Loopback comparison → <c>IPAddress.IsLoopback(x)</c>.</summary>
    public const string IsLoopback = "IsLoopback";

    /// <summary>Loopback comparison where the operand may be null → <c>x != null &amp;&amp; IPAddress.IsLoopback(x)</c>.</summary>
    public const string IsLoopbackNullChecked = "IsLoopbackNullChecked";

    /// <summary>IPv6 value → <c>Socket.OSSupportsIPv6 ? v6 : v4</c>.</summary>
    public const string OSSupportsIPv6Conditional = "OSSupportsIPv6Conditional";

    /// <summary><c>s.DualMode = true;</c> → <c>if (Socket.OSSupportsIPv6) { s.DualMode = true; }</c>.</summary>
    public const string OSSupportsIPv6Statement = "OSSupportsIPv6Statement";
}
