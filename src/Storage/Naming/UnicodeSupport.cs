using System.Text;

namespace MusicClustering.Storage;

/// <summary>
/// Unicode facts the naming rules need. Normalisation comes from ICU, which is absent when a process runs
/// with InvariantGlobalization (this repository's default); then <see cref="string.Normalize()"/> silently
/// returns its input, so callers must check <see cref="NormalizationAvailable"/>.
/// </summary>
internal static class UnicodeSupport
{
    /// <summary>True when string.Normalize really normalises in this process.</summary>
    public static bool NormalizationAvailable { get; } = Probe();

    /// <summary>
    /// Characters that render as '.', '/' or '\' (full-width, small, leader and mathematical forms). They are
    /// rejected outright: a later NFKC step, a font or a human can read them as path syntax.
    /// </summary>
    public static bool IsPathLookAlike(int codePoint) => codePoint is
        0x2024 or 0x2025 or 0x2026 // one/two dot leader, ellipsis
        or 0xFE52 or 0xFF0E or 0xFF61 or 0x3002 // small, full-width, half-width ideographic, ideographic full stop
        or 0x2044 or 0x2215 or 0x29F8 or 0xFF0F or 0x1735 // fraction slash, division slash, big solidus, full-width solidus, Philippine single punctuation
        or 0x2216 or 0x29F5 or 0x29F9 or 0xFE68 or 0xFF3C; // set minus, reverse solidus operator, big reverse solidus, small and full-width reverse solidus

    public static bool IsCombiningMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark
        or System.Globalization.UnicodeCategory.EnclosingMark;

    private static bool Probe()
    {
        try
        {
            return "e\u0301".Normalize(NormalizationForm.FormC) == "\u00E9";
        }
        catch (PlatformNotSupportedException)
        {
            return false;
        }
    }
}
