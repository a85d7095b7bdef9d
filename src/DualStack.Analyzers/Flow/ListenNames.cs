using Microsoft.CodeAnalysis;

namespace DualStack.Analyzers.Flow;

/// <summary>
/// Names that say "the address this listens on": a carrier called <c>ListenAddress</c>, <c>BindEndPoint</c>,
/// <c>_listenerIp</c> or <c>BoundAddress</c>, or a parameter of a method named <c>Bind…</c> or <c>Listen…</c> (a
/// library's own bind overloads, whose socket call sits in another assembly). Name evidence gives Info, never Warning.
/// </summary>
internal static class ListenNames
{
    private static readonly string[] ListenWords = ["listen", "bind", "bound"];

    public static bool NamesListenAddress(ISymbol carrier)
    {
        if (carrier is IParameterSymbol { ContainingSymbol: IMethodSymbol method }
            && (method.Name.StartsWith("Bind", StringComparison.Ordinal) || method.Name.StartsWith("Listen", StringComparison.Ordinal)))
        {
            return true;
        }

        var name = carrier.Name;
        foreach (var word in ListenWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
