namespace DualStack.Rules.Listening;

/// <summary>Which IPv4-wildcard listens of a program accept IPv4 only.</summary>
public static class ListenWildcards
{
    /// <summary>
    /// The IPv4-wildcard listens among <paramref name="listens"/> (all the addresses one program is told to listen on)
    /// that no listen serving both families on the same port covers: <c>http://0.0.0.0:80;http://[::]:80</c> and
    /// gunicorn's two <c>--bind</c> options are dual-stack, <c>http://0.0.0.0:80;http://*:90</c> is not.
    /// </summary>
    public static IEnumerable<ListenAddress> IPv4Only(IEnumerable<ListenAddress> listens)
    {
        var all = listens as IReadOnlyCollection<ListenAddress> ?? listens.ToList();
        var bothFamilies = all.Where(a => a.ServesBothFamilies).ToList();
        return all.Where(a => a.IsIPv4Wildcard && !bothFamilies.Any(b => b.SharesPortWith(a)));
    }
}
