using System.Text.RegularExpressions;

namespace MusicClustering.Storage;

/// <summary>
/// Makes connection strings safe to log: secret values are replaced, everything else is kept. Understands Azure Storage
/// strings (<c>key=value;…</c>) and StackExchange.Redis strings (<c>host:port,password=…,ssl=true</c>).
/// </summary>
public static partial class RedactedConnectionString
{
    private const string Mask = "***";

    private static readonly string[] SecretKeys = ["AccountKey", "SharedAccessSignature", "SharedAccessKey", "Password", "sig"];

    /// <summary>The connection string with AccountKey, SharedAccessSignature, password (and similar) values masked.</summary>
    public static string Of(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return string.Empty;
        }

        // Separators are kept as their own parts, so joining restores the original layout.
        var parts = Separator().Split(connectionString);
        for (var i = 0; i < parts.Length; i++)
        {
            var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = parts[i][..equals].Trim();
            if (SecretKeys.Any(secret => key.Equals(secret, StringComparison.OrdinalIgnoreCase)))
            {
                parts[i] = $"{parts[i][..equals]}={Mask}";
            }
            else if (parts[i].Contains("sig=", StringComparison.OrdinalIgnoreCase))
            {
                // A SAS embedded in an endpoint URL.
                parts[i] = $"{parts[i][..equals]}={Mask}";
            }
        }

        return string.Concat(parts);
    }

    [GeneratedRegex("([;,])")]
    private static partial Regex Separator();
}
