namespace DualStack.Rules.Listening;

/// <summary>A listen address in a command line: which item holds it, and the address (offsets within that item).</summary>
/// <param name="Item">The index of the item in the list passed to <see cref="ListenCommandLine.Addresses"/>.</param>
/// <param name="Address">The address; its <see cref="ListenAddress.Source"/> is the item's text.</param>
public sealed record CommandLineListen(int Item, ListenAddress Address);

/// <summary>
/// Listen addresses in a command line given as items (a container's <c>command</c> followed by its <c>args</c>; an item
/// may be a whole shell script). An item is read word by word; a word's value is what follows its first <c>=</c>
/// (<c>--bind-address=0.0.0.0</c>), or the word itself (<c>--host 0.0.0.0</c>, <c>0.0.0.0:8080</c>,
/// <c>-b 0.0.0.0</c>): programs take the address as an option value whatever the option's name. Kestrel reads the
/// value of ASP.NET Core's <c>--urls</c> option and of <c>ASPNETCORE_URLS=…</c> assignments in a script; any other
/// program the rest; of those, only wildcard addresses are returned, since any word could otherwise pass for a host.
/// </summary>
public static class ListenCommandLine
{
    // Word boundaries of a command line item or a shell script; ';' stays inside words (it separates Kestrel URLs)
    // and is split below for other programs.
    private static readonly char[] WordSeparators = [' ', '\t', '\n', '\r', '"', '\'', '`', '&', '|', '(', ')'];

    /// <summary>Every listen address of the command line <paramref name="items"/>, in order.</summary>
    public static IReadOnlyList<CommandLineListen> Addresses(IReadOnlyList<string> items)
    {
        var found = new List<CommandLineListen>();
        var urlsValueNext = false;
        for (var item = 0; item < items.Count; item++)
        {
            foreach (var (start, length) in Words(items[item]))
            {
                var text = items[item];
                var word = text.Substring(start, length);
                if (urlsValueNext)
                {
                    urlsValueNext = false;
                    Add(found, item, ListenAddressParser.ParseList(text, start, length, ListenRuntime.AspNetCore, urlsOnly: true));
                    continue;
                }

                var urlsValue = ListenVariables.UrlsOptionValueStart(word);
                if (urlsValue == length)
                {
                    urlsValueNext = true;
                    continue;
                }

                if (urlsValue >= 0)
                {
                    Add(found, item, ListenAddressParser.ParseList(text, start + urlsValue, length - urlsValue, ListenRuntime.AspNetCore, urlsOnly: true));
                    continue;
                }

                // NAME=value: the variable decides who reads it (ASPNETCORE_URLS=… in a script); else an option's value.
                var equals = word.IndexOf('=');
                var runtime = equals > 0 && ListenVariables.IsAspNetCoreUrlVariable(word.Substring(0, equals))
                    ? ListenRuntime.AspNetCore
                    : ListenRuntime.Generic;
                var valueStart = start + equals + 1;
                var addresses = ListenAddressParser.ParseList(text, valueStart, start + length - valueStart, runtime, urlsOnly: runtime == ListenRuntime.AspNetCore);
                Add(found, item, runtime == ListenRuntime.AspNetCore ? addresses : addresses.Where(IsWildcard).ToList());
            }
        }

        return found;
    }

    // A word given to an unknown program is known to be an address only when it is a wildcard ("--host", "app:app" are not).
    private static bool IsWildcard(ListenAddress address) => address.HostKind is ListenHostKind.IPv4Wildcard or ListenHostKind.IPv6Wildcard;

    private static void Add(List<CommandLineListen> found, int item, IReadOnlyList<ListenAddress> addresses)
    {
        foreach (var address in addresses)
        {
            found.Add(new CommandLineListen(item, address));
        }
    }

    private static IEnumerable<(int Start, int Length)> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && Array.IndexOf(WordSeparators, text[i]) >= 0)
            {
                i++;
            }

            var start = i;
            while (i < text.Length && Array.IndexOf(WordSeparators, text[i]) < 0)
            {
                i++;
            }

            if (i > start)
            {
                yield return (start, i - start);
            }
        }
    }
}
