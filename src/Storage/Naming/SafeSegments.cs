using System.Security.Cryptography;
using System.Text;

namespace MusicClustering.Storage;

/// <summary>Turns arbitrary user text (file names, titles) into a blob path segment that always validates.</summary>
public static class SafeSegments
{
    /// <summary>Default cap on a generated segment, well under the 1024-character name limit.</summary>
    public const int DefaultMaxLength = 128;

    private const int HashHexLength = 16;
    private const int MaxKeptExtension = 12;
    private const char Replacement = '_';

    /// <summary>
    /// Keeps <c>[A-Za-z0-9._-]</c>, folds accents and full-width forms to ASCII, replaces anything else with
    /// '_', never yields "." / ".." or leading/trailing dots, and caps the length. When it must truncate it
    /// appends '-' plus 16 hex chars of the SHA-256 of the original text (keeping a short extension), so
    /// distinct long inputs stay distinct.
    /// </summary>
    public static string From(string userText, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(userText);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, HashHexLength + 2 + MaxKeptExtension);
        var folded = Sanitize(userText);
        if (folded.Length <= maxLength)
        {
            return folded;
        }

        var extension = Path.GetExtension(folded);
        if (extension.Length > MaxKeptExtension)
        {
            extension = string.Empty;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userText)))[..HashHexLength];
        var keep = maxLength - HashHexLength - 1 - extension.Length;
        return $"{folded[..keep].TrimEnd('.')}-{hash}{extension}";
    }

    private static string Sanitize(string userText)
    {
        var builder = new StringBuilder(userText.Length);
        var lastReplaced = false;
        foreach (var c in AsciiFolding.Fold(userText))
        {
            var allowed = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
            // Runs of replaced characters collapse to one '_', and runs of dots to one '.', so ".." never survives.
            var repeats = allowed ? c == '.' && builder.Length > 0 && builder[^1] == '.' : lastReplaced;
            if (!repeats)
            {
                builder.Append(allowed ? c : Replacement);
            }

            lastReplaced = !allowed;
        }

        // Leading dots hide files and spell "."/".."; trailing dots are dropped by Azure and Windows.
        // A leading or trailing run of dots and replacements becomes a single '_'.
        var text = builder.ToString();
        var start = text.Length - text.TrimStart('.', Replacement).Length;
        var head = text[..start].Contains('.') ? Replacement.ToString() : text[..start];
        var rest = text[start..];
        var end = rest.TrimEnd('.', Replacement).Length;
        var tail = rest[end..].Contains('.') ? Replacement.ToString() : rest[end..];
        var result = head + rest[..end] + tail;
        return result.Length == 0 || result == "__" ? Replacement.ToString() : result;
    }
}
