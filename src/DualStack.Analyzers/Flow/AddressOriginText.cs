using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DualStack.Analyzers.Flow;

/// <summary>
/// A text check that decides, before any operation is looked at, whether a compilation can hold an address origin
/// the flow follows. Without one the flow has nothing to report, so it registers nothing: most projects of a large
/// repository (persistence, serialization, clustering providers) never spell an address, and then the analyzer costs
/// one read of their text instead of a callback per assignment, call and return.
/// <para>
/// Every origin is spelled with one of <see cref="Words"/>: <c>IPAddress.Any</c> and the <c>IPAddress</c> and
/// <c>IPEndPoint</c> constructors name their type (an alias or a <c>using static</c> names it too, in the same
/// compilation), <c>new(0, port)</c> is the target-typed constructor with a zero address, the wildcard text is the
/// <c>"0.0.0.0"</c> literal, and a first DNS answer reads <c>AddressList</c> or <c>GetHostAddresses(Async)</c>.
/// Not covered, knowingly: a literal spelled with escape sequences, and a target-typed constructor whose zero is a
/// named constant, assigned to a member of another assembly's type that this compilation never names.
/// </para>
/// </summary>
internal static class AddressOriginText
{
    internal static readonly string[] Words = ["IPAddress", "IPEndPoint", "0.0.0.0", "AddressList", "GetHostAddresses", "new(0", "new (0"];

    public static bool MayContainOrigin(Compilation compilation, CancellationToken cancellationToken) =>
        SourceTextSearch.AnyTreeContains(compilation, Words, cancellationToken);

    internal static bool Mentions(SourceText text, char[] buffer) => SourceTextSearch.ContainsAny(text, Words, buffer);
}
