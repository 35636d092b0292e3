using System.Text;

namespace MusicClustering.Storage;

/// <summary>
/// Best-effort ASCII folding for user text. Works without ICU (InvariantGlobalization): full-width ASCII and
/// Latin-1 / Latin Extended-A letters are folded by table, combining marks dropped; with ICU, NFKD runs first
/// and folds much more.
/// </summary>
internal static class AsciiFolding
{
    private const int LatinTableStart = 0xC0;
    private const int FullWidthStart = 0xFF01;
    private const int FullWidthEnd = 0xFF5E;
    private const int FullWidthOffset = 0xFEE0;

    // U+00C0..U+017F folded to one ASCII letter; '?' marks characters with no single-letter fold.
    private const string LatinTable =
        "AAAAAAACEEEEIIIIDNOOOOO?OUUUUYTsaaaaaaaceeeeiiiidnooooo?ouuuuyty"
        + "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKk?LlLlLlL"
        + "lLlNnNnNn?NnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

    /// <summary>The text with foldable characters replaced by ASCII; unfoldable characters are kept as they are.</summary>
    public static string Fold(string text)
    {
        var source = UnicodeSupport.NormalizationAvailable ? text.Normalize(NormalizationForm.FormKD) : text;
        var builder = new StringBuilder(source.Length);
        foreach (var rune in source.EnumerateRunes())
        {
            if (UnicodeSupport.IsCombiningMark(rune))
            {
                continue;
            }

            var value = rune.Value;
            if (value is >= FullWidthStart and <= FullWidthEnd)
            {
                builder.Append((char)(value - FullWidthOffset));
            }
            else if (value >= LatinTableStart && value < LatinTableStart + LatinTable.Length
                && LatinTable[value - LatinTableStart] != '?')
            {
                builder.Append(LatinTable[value - LatinTableStart]);
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }
}
