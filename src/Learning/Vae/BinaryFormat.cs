namespace MusicClustering.Learning;

/// <summary>Small helpers shared by the model and checkpoint byte formats.</summary>
internal static class BinaryFormat
{
    public static void WriteHeader(BinaryWriter writer, string magic, int version)
    {
        writer.Write(magic);
        writer.Write(version);
    }

    public static void ReadHeader(BinaryReader reader, string magic, int version)
    {
        var actualMagic = reader.ReadString();
        var actualVersion = reader.ReadInt32();
        if (actualMagic != magic || actualVersion != version)
        {
            throw new InvalidDataException($"Expected {magic} v{version}, found {actualMagic} v{actualVersion}.");
        }
    }

    public static void WriteBytes(BinaryWriter writer, byte[]? bytes)
    {
        writer.Write(bytes?.Length ?? -1);
        if (bytes is not null)
        {
            writer.Write(bytes);
        }
    }

    public static byte[]? ReadBytes(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0)
        {
            return null;
        }

        var bytes = reader.ReadBytes(length);
        return bytes.Length == length ? bytes : throw new EndOfStreamException("Truncated byte block.");
    }

    public static void WriteNullableDouble(BinaryWriter writer, double? value)
    {
        writer.Write(value.HasValue);
        writer.Write(value ?? 0);
    }

    public static double? ReadNullableDouble(BinaryReader reader)
    {
        var hasValue = reader.ReadBoolean();
        var value = reader.ReadDouble();
        return hasValue ? value : null;
    }
}
