using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.Flow;

/// <summary>
/// Names that say "the address this listens on": a carrier called <c>ListenAddress</c>, <c>BindEndPoint</c>,
/// <c>_listenerIp</c> or <c>BoundAddress</c>, or a parameter of a method whose name says Bind or Listen
/// (<c>BindAsync</c>, <c>DoBindAsync</c>: a library's own bind path, whose socket call sits in another assembly or
/// behind an interface). Name evidence gives Info, never Warning.
/// </summary>
internal static class ListenNames
{
    private static readonly string[] ListenWords = ["listen", "bind", "bound"];

    /// <summary>A call named as a listen: <c>Bind</c>, <c>BindAsync</c>, <c>Listen</c>, <c>ListenAsync</c>.</summary>
    public static bool IsListenCallName(string name) => name is "Bind" or "BindAsync" or "Listen" or "ListenAsync";

    public static bool NamesListenAddress(ISymbol carrier)
    {
        if (carrier is IParameterSymbol { ContainingSymbol: IMethodSymbol method }
            && (method.Name.IndexOf("Bind", StringComparison.Ordinal) >= 0 || method.Name.IndexOf("Listen", StringComparison.Ordinal) >= 0))
        {
            return true;
        }

        if (HasListenWord(carrier.Name))
        {
            return true;
        }

        // A member of a type named as listen options (ListenOptions.Ip, ListenerConfig.ToEndPoint()).
        return carrier is IFieldSymbol or IPropertySymbol or IMethodSymbol
            && carrier.ContainingType?.Name is { } typeName && typeName.IndexOf("Listen", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private static bool HasListenWord(string name)
    {
        foreach (var word in ListenWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The carrier is named as the IPv6 address (<c>BoundInterNetworkV6Address</c>, <c>ipv6Endpoint</c>): storing the
    /// IPv4 wildcard there is a slip, whatever the rest of the type does.
    /// </summary>
    public static bool NamesIPv6(ISymbol carrier) =>
        carrier.Name.IndexOf("V6", StringComparison.OrdinalIgnoreCase) >= 0;
}
