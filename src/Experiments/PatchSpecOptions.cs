using System.Numerics;
using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Learning;

namespace MusicClustering.Experiments;

/// <summary>
/// Applies a spec's <see cref="PatchSpec"/> (the <c>patches</c> section of a <c>conv-vae</c> or <c>contrastive</c>
/// representation) to <see cref="PatchModelOptions"/>, and says what is wrong with one in the spec's own field names,
/// one line per problem, so <see cref="SpecValidator"/> rejects it before any track is analysed.
/// </summary>
public static class PatchSpecOptions
{
    /// <summary>The options with every field the spec sets; the others keep their value (the measured defaults).</summary>
    public static PatchModelOptions Apply(PatchModelOptions options, PatchSpec? spec) => spec is null ? options : options with
    {
        EmbeddingDim = spec.LatentDim ?? options.EmbeddingDim,
        TracksPerBatch = spec.TracksPerBatch ?? options.TracksPerBatch,
        PatchesPerTrack = spec.CropsPerTrack ?? options.PatchesPerTrack,
        Pooling = spec.Pooling is { } pooling ? SpecEnums.Parse<PatchPooling>(pooling, "patches.pooling") : options.Pooling,
        PatchFrames = spec.PatchFrames ?? options.PatchFrames,
        Channels = spec.Channels ?? options.Channels,
        HiddenWidth = spec.HiddenWidth ?? options.HiddenWidth,
        Temperature = spec.Temperature ?? options.Temperature,
        GainDb = spec.GainDb ?? options.GainDb,
        TiltDb = spec.TiltDb ?? options.TiltDb,
        NoiseDb = spec.NoiseDb ?? options.NoiseDb,
    };

    public static IEnumerable<string> Problems(RepresentationSpec representation)
    {
        if (representation.Patches is not { } spec)
        {
            yield break;
        }

        if (!representation.LearnsFromPatches)
        {
            yield return $"patches applies to {string.Join(" and ", PatchRepresentationModels.All)} only, not to model '{representation.Model}'";
            yield break;
        }

        var contrastive = representation.Model == PatchRepresentationModels.Contrastive;
        foreach (var (value, name) in new[] { (spec.LatentDim, "latent_dim"), (spec.CropsPerTrack, "crops_per_track"), (spec.PatchFrames, "patch_frames"), (spec.HiddenWidth, "hidden_width") })
        {
            if (value < 1)
            {
                yield return $"patches.{name} must be at least 1, not {value}";
            }
        }

        if (spec.TracksPerBatch < (contrastive ? 2 : 1))
        {
            yield return $"patches.tracks_per_batch must be at least {(contrastive ? "2 for contrastive (the other tracks are the negatives)" : "1")}, not {spec.TracksPerBatch}";
        }

        if (contrastive && spec.CropsPerTrack is { } crops && crops != 2)
        {
            yield return $"patches.crops_per_track applies to conv-vae; contrastive always takes two views of each track, not {crops}";
        }

        if (spec.Channels is { } channels && (channels.Length == 0 || channels.Any(c => c < 1)))
        {
            yield return $"patches.channels must be a non-empty list of positive channel counts, not [{string.Join(", ", channels)}]";
        }
        else
        {
            var downsampling = 1 << (spec.Channels?.Length ?? new PatchModelOptions().Channels.Count);
            var frames = spec.PatchFrames ?? new PatchModelOptions().PatchFrames;
            if (frames > 0 && frames % downsampling != 0)
            {
                yield return $"patches.patch_frames ({frames}) must divide by {downsampling}, one halving per convolution";
            }

            if (TrackLogMel.Bands % downsampling != 0)
            {
                yield return $"patches.channels: {TrackLogMel.Bands} mel bands allow at most {BitOperations.TrailingZeroCount(TrackLogMel.Bands)} convolutions, one halving each";
            }
        }

        if (!contrastive && (spec.Temperature ?? spec.GainDb ?? spec.TiltDb ?? spec.NoiseDb) is not null)
        {
            yield return "patches.temperature, gain_db, tilt_db and noise_db apply to contrastive only (its loss and augmentations)";
        }

        if (spec.Temperature is { } temperature && !(temperature > 0 && double.IsFinite(temperature)))
        {
            yield return $"patches.temperature must be a positive number, not {temperature}";
        }

        foreach (var (value, name) in new[] { (spec.GainDb, "gain_db"), (spec.TiltDb, "tilt_db"), (spec.NoiseDb, "noise_db") })
        {
            if (value is { } db && !(db >= 0 && double.IsFinite(db)))
            {
                yield return $"patches.{name} must not be negative, not {db}";
            }
        }

        string? pooling = null;
        try
        {
            _ = spec.Pooling is { } text ? SpecEnums.Parse<PatchPooling>(text, "patches.pooling") : default;
        }
        catch (ArgumentException ex)
        {
            pooling = ex.Message;
        }

        if (pooling is not null)
        {
            yield return pooling;
        }
    }
}
