namespace MusicClustering.Learning;

/// <summary>
/// Training state after <see cref="Epoch"/> finished epochs: weights, Adam moments, scaler and history,
/// enough to resume to the same result as an uninterrupted run (epoch RNG streams are derived from seed and epoch).
/// </summary>
public sealed record VaeCheckpoint(
    int Epoch,
    VaeOptions Options,
    int Columns,
    FeatureScaler Scaler,
    byte[] ModelState,
    byte[]? OptimizerState,
    IReadOnlyList<EpochProgress> History,
    double? BestValidationLoss,
    int EpochsSinceImprovement)
{
    private const string Magic = "MusicClustering.VaeCheckpoint";
    // 2: the optimizer state is AdamOptimizer's (step and moments), not TorchSharp's Adam state dictionary.
    private const int FormatVersion = 2;

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            BinaryFormat.WriteHeader(writer, Magic, FormatVersion);
            writer.Write(Epoch);
            writer.Write(OptionsJson.Serialize(Options));
            writer.Write(Columns);
            Scaler.Write(writer);
            BinaryFormat.WriteBytes(writer, ModelState);
            BinaryFormat.WriteBytes(writer, OptimizerState);
            EpochProgressFormat.Write(writer, History);
            BinaryFormat.WriteNullableDouble(writer, BestValidationLoss);
            writer.Write(EpochsSinceImprovement);
        }

        return stream.ToArray();
    }

    public static VaeCheckpoint FromBytes(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        BinaryFormat.ReadHeader(reader, Magic, FormatVersion);
        return new VaeCheckpoint(
            Epoch: reader.ReadInt32(),
            Options: OptionsJson.Deserialize<VaeOptions>(reader.ReadString()),
            Columns: reader.ReadInt32(),
            Scaler: FeatureScaler.Read(reader),
            ModelState: BinaryFormat.ReadBytes(reader) ?? throw new InvalidDataException("Checkpoint lacks model state."),
            OptimizerState: BinaryFormat.ReadBytes(reader),
            History: EpochProgressFormat.Read(reader),
            BestValidationLoss: BinaryFormat.ReadNullableDouble(reader),
            EpochsSinceImprovement: reader.ReadInt32());
    }

    /// <summary>Throws unless this checkpoint's architecture and data width match the run that wants to resume it.</summary>
    public void EnsureCompatible(VaeOptions options, int columns)
    {
        if (columns != Columns || options.LatentDim != Options.LatentDim || !options.HiddenSizes.SequenceEqual(Options.HiddenSizes))
        {
            throw new ArgumentException(
                $"Checkpoint is for {Columns}→[{string.Join(",", Options.HiddenSizes)}]→{Options.LatentDim}, " +
                $"not {columns}→[{string.Join(",", options.HiddenSizes)}]→{options.LatentDim}.");
        }
    }
}
