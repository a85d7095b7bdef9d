namespace DualStack.Rules;

/// <summary>
/// A fix expressed as a replacement of a character range of the original file text. Applying the edits of a file
/// changes those ranges only, so comments, key order, quoting and indentation stay byte-for-byte unchanged.
/// </summary>
/// <param name="Start">0-based offset in UTF-16 code units into the file text.</param>
/// <param name="Length">Number of code units replaced (0 for an insertion).</param>
/// <param name="NewText">Replacement text.</param>
/// <param name="Description">What the edit does, e.g. <c>insert "ipFamilyPolicy: PreferDualStack"</c>.</param>
public sealed record TextEdit(int Start, int Length, string NewText, string Description)
{
    public int End => Start + Length;
}
