using System.Globalization;
using System.Numerics;

namespace DualStack.Manifests.Planning;

/// <summary>Counts as people read them: digits with separators up to ten million, powers of two above.</summary>
public static class PlanNumbers
{
    private static readonly BigInteger Exact = BigInteger.Pow(10, 7);

    public static string Count(BigInteger n)
    {
        if (n < Exact)
        {
            return n.ToString("N0", CultureInfo.InvariantCulture);
        }

        if (PowerOfTwo(n) is { } k)
        {
            return "2^" + k.ToString(CultureInfo.InvariantCulture);
        }

        if (PowerOfTwo(n + 2) is { } k2)
        {
            return "2^" + k2.ToString(CultureInfo.InvariantCulture) + " − 2";
        }

        return "~2^" + BigInteger.Log(n, 2).ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>k when n = 2^k, else null.</summary>
    public static int? PowerOfTwo(BigInteger n)
    {
        if (n.Sign <= 0 || !(n & (n - 1)).IsZero)
        {
            return null;
        }

        var k = 0;
        while ((BigInteger.One << k) < n)
        {
            k++;
        }

        return k;
    }
}
