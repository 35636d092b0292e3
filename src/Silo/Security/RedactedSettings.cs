using System.Reflection;
using System.Text;
using MusicClustering.Storage;

namespace MusicClustering.Silo.Security;

/// <summary>
/// What a settings record's <c>ToString</c> prints: every public property, with passwords masked and connection strings
/// passed through <see cref="RedactedConnectionString"/>, so a logged or formatted settings object leaks no secret.
/// </summary>
internal static class RedactedSettings
{
    public static bool Print(object settings, StringBuilder builder)
    {
        var first = true;
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            builder.Append(property.Name).Append(" = ").Append(Text(property.Name, property.GetValue(settings)));
        }

        return true;
    }

    private static string? Text(string name, object? value) => value switch
    {
        string secret when name.EndsWith("Password", StringComparison.Ordinal) => secret.Length == 0 ? secret : "***",
        string connection when name.EndsWith("ConnectionString", StringComparison.Ordinal) => RedactedConnectionString.Of(connection),
        _ => value?.ToString(),
    };
}
