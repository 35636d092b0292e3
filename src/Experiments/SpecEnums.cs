namespace MusicClustering.Experiments;

/// <summary>Enum values in hand-written specs: kebab-case (<c>mean-std</c>), snake_case or the enum's own name, case-insensitive.</summary>
internal static class SpecEnums
{
    /// <summary>The value, or an <see cref="ArgumentException"/> naming the field and the valid values in kebab-case.</summary>
    public static T Parse<T>(string text, string field)
        where T : struct, Enum
    {
        var compact = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return !compact.Any(char.IsDigit) && Enum.TryParse<T>(compact, ignoreCase: true, out var value)
            ? value
            : throw new ArgumentException($"{field} '{text}' is unknown (expected one of: {string.Join(", ", Enum.GetValues<T>().Select(Kebab))})");
    }

    public static string Kebab<T>(T value)
        where T : struct, Enum =>
        string.Concat(value.ToString()!.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
}
