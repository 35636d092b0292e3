namespace MusicClustering.Audio;

/// <summary>ITU-T G.711 µ-law expansion to 16-bit linear (same table as libsndfile).</summary>
internal static class MuLaw
{
    private static readonly short[] Table = BuildTable();

    public static short Decode(byte code) => Table[code];

    private static short[] BuildTable()
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            var u = ~i & 0xFF;
            var t = ((u & 0x0F) << 3) + 0x84;
            t <<= (u & 0x70) >> 4;
            table[i] = (short)((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
        }

        return table;
    }
}
