namespace MusicClustering.Learning;

/// <summary>
/// Training state of a patch model after <see cref="Epoch"/> finished epochs: weights (batch-norm statistics
/// included), Adam moments, band scaler and history. Every epoch's plan, noise and augmentations derive from seed
/// and epoch, so resuming from here gives byte-identical weights to a run that was never interrupted.
/// </summary>
public sealed record PatchModelCheckpoint(
    int Epoch,
    PatchModelOptions Options,
    int Bands,
    FeatureScaler Scaler,
    byte[] ModelState,
    byte[] OptimizerState,
    IReadOnlyList<EpochProgress> History)
{
    private const string Magic = "MusicClustering.PatchModelCheckpoint";
    private const int FormatVersion = 1;

    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        BinaryFormat.WriteHeader(writer, Magic, FormatVersion);
        writer.Write(Epoch);
        writer.Write(OptionsJson.Serialize(Options));
        writer.Write(Bands);
        Scaler.Write(writer);
        BinaryFormat.WriteBytes(writer, ModelState);
        BinaryFormat.WriteBytes(writer, OptimizerState);
        EpochProgressFormat.Write(writer, History);
    }

    public static PatchModelCheckpoint ReadFrom(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        BinaryFormat.ReadHeader(reader, Magic, FormatVersion);
        return new PatchModelCheckpoint(
            Epoch: reader.ReadInt32(),
            Options: OptionsJson.Deserialize<PatchModelOptions>(reader.ReadString()),
            Bands: reader.ReadInt32(),
            Scaler: FeatureScaler.Read(reader),
            ModelState: BinaryFormat.ReadBytes(reader) ?? throw new InvalidDataException("Checkpoint lacks model state."),
            OptimizerState: BinaryFormat.ReadBytes(reader) ?? throw new InvalidDataException("Checkpoint lacks optimizer state."),
            History: EpochProgressFormat.Read(reader));
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        WriteTo(stream);
        return stream.ToArray();
    }

    public static PatchModelCheckpoint FromBytes(byte[] bytes) => ReadFrom(new MemoryStream(bytes, writable: false));

    /// <summary>Throws unless the checkpoint's model and data match the run that wants to resume it.</summary>
    public void EnsureCompatible(PatchModelOptions options, int bands)
    {
        var architecture = (PatchModelOptions o) => (o.Kind, o.PatchFrames, string.Join(",", o.Channels), o.HiddenWidth, o.EmbeddingDim, o.ProjectionDim);
        if (bands != Bands || architecture(options) != architecture(Options))
        {
            throw new ArgumentException(
                $"Checkpoint is for a {Options.Kind} of {Bands} bands, channels [{string.Join(",", Options.Channels)}], " +
                $"not a {options.Kind} of {bands} bands, channels [{string.Join(",", options.Channels)}].");
        }
    }
}
