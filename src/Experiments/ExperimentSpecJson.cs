using System.Text.Json;
using System.Text.Json.Serialization;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>Reads experiment specs written by hand as JSON (snake_case), rejecting unknown fields so typos don't pass silently.</summary>
public static class ExperimentSpecJson
{
    private static readonly JsonSerializerOptions Options = new(ResultsJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static ExperimentSpec Parse(string json, string source = "spec")
    {
        ExperimentSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<ExperimentSpec>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path}";
            throw new ArgumentException($"{source}: not a valid experiment spec{where}: {ex.Message}", ex);
        }

        if (spec is null || string.IsNullOrWhiteSpace(spec.Dataset))
        {
            throw new ArgumentException($"{source}: an experiment spec needs at least \"name\" and \"dataset\".");
        }

        SpecValidator.Validate(spec);
        return spec;
    }

    public static ExperimentSpec Load(string path) => Parse(File.ReadAllText(path), path);

    public static string Serialize(ExperimentSpec spec) => ResultsJson.Serialize(spec);
}
