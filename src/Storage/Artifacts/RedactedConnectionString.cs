namespace MusicClustering.Storage;

/// <summary>Makes connection strings safe to log: secret values are replaced, everything else is kept.</summary>
public static class RedactedConnectionString
{
    private const string Mask = "***";

    private static readonly string[] SecretKeys = ["AccountKey", "SharedAccessSignature", "SharedAccessKey", "Password", "sig"];

    /// <summary>The connection string with AccountKey, SharedAccessSignature (and similar) values masked.</summary>
    public static string Of(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return string.Empty;
        }

        var parts = connectionString.Split(';');
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

        return string.Join(';', parts);
    }
}
