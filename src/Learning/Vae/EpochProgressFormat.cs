namespace MusicClustering.Learning;

internal static class EpochProgressFormat
{
    public static void Write(BinaryWriter writer, IReadOnlyList<EpochProgress> history)
    {
        writer.Write(history.Count);
        foreach (var epoch in history)
        {
            writer.Write(epoch.Epoch);
            writer.Write(epoch.TotalEpochs);
            writer.Write(epoch.Loss);
            writer.Write(epoch.Reconstruction);
            writer.Write(epoch.Kl);
            BinaryFormat.WriteNullableDouble(writer, epoch.ValidationLoss);
            writer.Write(epoch.Seconds);
        }
    }

    public static IReadOnlyList<EpochProgress> Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var history = new List<EpochProgress>(count);
        for (var i = 0; i < count; i++)
        {
            history.Add(new EpochProgress(
                reader.ReadInt32(),
                reader.ReadInt32(),
                reader.ReadDouble(),
                reader.ReadDouble(),
                reader.ReadDouble(),
                BinaryFormat.ReadNullableDouble(reader),
                reader.ReadDouble()));
        }

        return history;
    }
}
