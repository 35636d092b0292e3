using System.Globalization;
using System.Text;

namespace MusicClustering.Storage;

/// <summary>
/// Strict validation of blob names built from user paths and ids. A valid name is NFC-normalised,
/// relative, made of non-empty '/'-separated segments, and free of anything that could be read as
/// path traversal by a tool that later maps blob names onto a file system.
/// When the process runs with InvariantGlobalization (no ICU, so no NFC), names containing combining marks
/// are rejected instead of normalised, so two spellings of one name can never both exist.
/// </summary>
public static class BlobPathValidator
{
    /// <summary>Azure's limit on a blob name, in characters.</summary>
    public const int MaxNameLength = 1024;

    // More combining marks in a row than any real script needs; beyond this it's a rendering attack.
    private const int MaxCombiningRun = 4;

    private const int MaxShownName = 120;
    private const int MaxShownReason = 400;

    /// <summary>
    /// Validates a relative blob name ("a/b/c.json") and returns it NFC-normalised.
    /// Throws <see cref="ArgumentException"/> saying what is wrong.
    /// </summary>
    public static string Validate(string name, string? paramName = null)
    {
        paramName ??= nameof(name);
        ArgumentNullException.ThrowIfNull(name, paramName);
        var normalized = Normalize(name, paramName);
        if (normalized.Length > MaxNameLength)
        {
            throw Invalid(paramName, name, $"it is {normalized.Length} characters long; the limit is {MaxNameLength}");
        }

        if (normalized.Length >= 2 && char.IsAsciiLetter(normalized[0]) && normalized[1] == ':')
        {
            throw Invalid(paramName, name, "it starts with a drive letter; blob names must be relative");
        }

        if (normalized[0] == '/')
        {
            throw Invalid(paramName, name, "it starts with '/'; blob names must be relative");
        }

        foreach (var segment in normalized.Split('/'))
        {
            CheckSegment(segment, name, paramName);
        }

        return normalized;
    }

    /// <summary>
    /// Validates a single path segment (no '/') and returns it NFC-normalised.
    /// Throws <see cref="ArgumentException"/> saying what is wrong.
    /// </summary>
    public static string ValidateSegment(string segment, string? paramName = null)
    {
        paramName ??= nameof(segment);
        var normalized = Validate(segment, paramName);
        if (normalized.Contains('/', StringComparison.Ordinal))
        {
            throw Invalid(paramName, segment, "it must be a single segment without '/'");
        }

        return normalized;
    }

    private static string Normalize(string name, string paramName)
    {
        if (name.Length == 0)
        {
            throw Invalid(paramName, name, "it is empty");
        }

        // Lone surrogates make string.Normalize throw a bare ArgumentException; report them ourselves.
        if (!Utf16IsWellFormed(name))
        {
            throw Invalid(paramName, name, "it contains an unpaired UTF-16 surrogate");
        }

        // Judge stacking on the text as given: NFC folds one mark into its base and would hide a run by one.
        if (LongestCombiningRun(name) > MaxCombiningRun)
        {
            throw Invalid(paramName, name, $"it stacks more than {MaxCombiningRun} combining marks");
        }

        return UnicodeSupport.NormalizationAvailable ? name.Normalize(NormalizationForm.FormC) : name;
    }

    private static int LongestCombiningRun(string text)
    {
        int run = 0, longest = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            run = UnicodeSupport.IsCombiningMark(rune) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static void CheckSegment(string segment, string name, string paramName)
    {
        if (segment.Length == 0)
        {
            throw Invalid(paramName, name, "it has an empty segment ('//' or a trailing '/')");
        }

        if (segment is "." or "..")
        {
            throw Invalid(paramName, name, $"it has a '{segment}' segment");
        }

        if (segment[^1] == '.')
        {
            // Azure and Windows both drop trailing dots, so "a." and "a" would collide.
            throw Invalid(paramName, name, $"segment '{segment}' ends with '.'");
        }

        CheckCharacters(segment, name, paramName);

        if (!UnicodeSupport.NormalizationAvailable)
        {
            return;
        }

        // Other compatibility forms can still become traversal after NFKC, which some tools apply.
        var compatible = segment.Normalize(NormalizationForm.FormKC);
        if (compatible.IndexOfAny(['/', '\\']) >= 0
            || compatible.Split('/', '\\').Any(part => part is "." or ".."))
        {
            throw Invalid(paramName, name, $"segment '{segment}' contains look-alike path characters (full-width dots or slashes)");
        }
    }

    private static void CheckCharacters(string segment, string name, string paramName)
    {
        var combiningRun = 0;
        var first = true;
        foreach (var rune in segment.EnumerateRunes())
        {
            if (rune.Value == '\\')
            {
                throw Invalid(paramName, name, "it contains a backslash");
            }

            if (UnicodeSupport.IsPathLookAlike(rune.Value))
            {
                throw Invalid(paramName, name, $"it contains U+{rune.Value:X4}, a look-alike path character (full-width or small dot or slash)");
            }

            var category = Rune.GetUnicodeCategory(rune);
            var reason = category switch
            {
                UnicodeCategory.Control => $"it contains control character U+{rune.Value:X4}",
                UnicodeCategory.Format => $"it contains invisible formatting character U+{rune.Value:X4} (bidi override or zero-width)",
                UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator
                    => $"it contains whitespace U+{rune.Value:X4}",
                UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate
                    => $"it contains unassigned or private-use character U+{rune.Value:X4}",
                _ => null,
            };
            if (reason is not null)
            {
                throw Invalid(paramName, name, reason);
            }

            var combining = UnicodeSupport.IsCombiningMark(rune);
            if (combining && first)
            {
                throw Invalid(paramName, name, $"segment '{segment}' starts with a combining mark");
            }

            if (combining && !UnicodeSupport.NormalizationAvailable)
            {
                throw Invalid(
                    paramName,
                    name,
                    $"it contains combining mark U+{rune.Value:X4}, which cannot be NFC-normalised under invariant globalization; use precomposed characters or SafeSegment");
            }

            combiningRun = combining ? combiningRun + 1 : 0;
            if (combiningRun > MaxCombiningRun)
            {
                throw Invalid(paramName, name, $"it stacks more than {MaxCombiningRun} combining marks");
            }

            first = false;
        }
    }

    private static bool Utf16IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static ArgumentException Invalid(string paramName, string name, string reason) =>
        new($"Invalid blob name '{Printable(name, MaxShownName)}': {Printable(reason, MaxShownReason)}.", paramName);

    // Messages must not carry the raw control or bidi characters they complain about.
    private static string Printable(string name, int maxShown)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Length > maxShown ? name[..maxShown] : name)
        {
            var category = char.GetUnicodeCategory(c);
            var hidden = category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            builder.Append(hidden ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return name.Length > maxShown ? builder.Append("...").ToString() : builder.ToString();
    }
}
