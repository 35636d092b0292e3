namespace MusicClustering.Audio;

/// <summary>librosa <c>power_to_db</c> (ref 1, amin 1e-10) of a whole matrix, top_db relative to its maximum.</summary>
internal static class Decibels
{
    public static double[] PowerToDb(ReadOnlySpan<float> power, double topDb, double amin = 1e-10)
    {
        var result = new double[power.Length];
        var max = double.NegativeInfinity;
        for (var i = 0; i < power.Length; i++)
        {
            result[i] = 10 * Math.Log10(Math.Max(amin, power[i]));
            max = Math.Max(max, result[i]);
        }

        var floor = max - topDb;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Math.Max(result[i], floor);
        }

        return result;
    }
}
