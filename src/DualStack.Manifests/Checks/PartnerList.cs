namespace DualStack.Manifests.Checks;

/// <summary>
/// How a finding names the other objects or ranges it is about when there may be many: the first few and the count
/// (<c>a, b, c and 296 more</c>), so a run gives one finding per object rather than one per pair.
/// </summary>
internal static class PartnerList
{
    /// <summary>How many partners a finding names.</summary>
    public const int Named = 3;

    /// <summary><c>a, b, c and 296 more</c> for <paramref name="count"/> partners of which <paramref name="first"/> are the first; <c>a and b</c> when all are named.</summary>
    public static string Describe<T>(IReadOnlyList<T> first, int count, Func<T, string> describe)
    {
        var named = first.Take(Named).Select(describe).ToList();
        return count > named.Count
            ? $"{string.Join(", ", named)} and {count - named.Count} more"
            : named.Count == 1 ? named[0] : $"{string.Join(", ", named.Take(named.Count - 1))} and {named[named.Count - 1]}";
    }
}
