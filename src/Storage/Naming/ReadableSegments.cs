using System.Security.Cryptography;
using System.Text;

namespace MusicClustering.Storage;

/// <summary>
/// A blob path segment from user text that keeps the letters and digits of every script (NFC), unlike the ASCII-only
/// <see cref="SafeSegments"/>: "Лето" stays "Лето", "Mes Larmes 涙" becomes "Mes_Larmes_涙". Everything else becomes
/// '_' (runs collapse), invisible formatting characters are dropped, and the result always passes
/// <see cref="BlobPathValidator.ValidateSegment"/>; text it cannot make valid falls back to <see cref="SafeSegments"/>.
/// Different texts can give the same segment ("a b", "a_b"): callers that need uniqueness disambiguate.
/// </summary>
public static class ReadableSegments
{
    private const char Replacement = '_';
    private const int MaxCombiningRun = 4;
    private const int HashHexLength = 16;

    public static string From(string userText, int maxLength = SafeSegments.DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(userText);
        var kept = Keep(userText);
        if (kept.Length > maxLength)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userText)))[..HashHexLength];
            kept = $"{TruncateAtRune(kept, maxLength - HashHexLength - 1).TrimEnd('.', Replacement)}-{hash}";
        }

        try
        {
            return BlobPathValidator.ValidateSegment(kept);
        }
        catch (ArgumentException)
        {
            return SafeSegments.From(userText, maxLength);
        }
    }

    private static string Keep(string userText)
    {
        var text = Normalize(userText);
        var builder = new StringBuilder(text.Length);
        var combiningRun = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category == System.Globalization.UnicodeCategory.Format)
            {
                // Zero-width joiners and bidi controls: invisible, and forbidden in blob names.
                continue;
            }

            if (UnicodeSupport.IsCombiningMark(rune))
            {
                // A mark belongs to the letter before it; without one (or past a sane stack) it is dropped.
                var afterLetter = builder.Length > 0 && builder[^1] != Replacement && builder[^1] != '.' && builder[^1] != '-';
                if (afterLetter && combiningRun < MaxCombiningRun && UnicodeSupport.NormalizationAvailable)
                {
                    builder.Append(rune.ToString());
                    combiningRun++;
                }

                continue;
            }

            combiningRun = 0;
            if (Rune.IsLetterOrDigit(rune) || (rune.IsAscii && (char)rune.Value is '-' or '_'))
            {
                builder.Append(rune.ToString());
            }
            else if (rune.Value == '.' && builder.Length > 0 && builder[^1] != '.')
            {
                builder.Append('.');
            }
            else if (builder.Length > 0 && builder[^1] != Replacement)
            {
                builder.Append(Replacement);
            }
        }

        var result = builder.ToString().Trim(Replacement).TrimEnd('.');
        return result.Length == 0 ? Replacement.ToString() : result;
    }

    private static string Normalize(string text)
    {
        if (!UnicodeSupport.NormalizationAvailable)
        {
            return text;
        }

        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Unpaired surrogates: left as they are, and EnumerateRunes reads them as U+FFFD, which becomes '_'.
            return text;
        }
    }

    private static string TruncateAtRune(string text, int maxChars)
    {
        var end = Math.Min(maxChars, text.Length);
        if (end > 0 && end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end--;
        }

        return text[..end];
    }
}
