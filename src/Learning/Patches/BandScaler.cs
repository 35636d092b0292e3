namespace MusicClustering.Learning;

/// <summary>Per-band mean and standard deviation (ddof 0) of log-mel patches, fitted in one streamed pass.</summary>
internal static class BandScaler
{
    public static FeatureScaler Fit(IPatchSource source, int patchFrames, int batchSize, CancellationToken cancellationToken)
    {
        var bands = source.Bands;
        var sum = new double[bands];
        var sumSquares = new double[bands];
        long perBand = 0;
        var plan = PatchPlan.Grid(source.TrackFrames, patchFrames, patchFrames, batchSize);
        foreach (var batch in source.Read(plan, patchFrames, cancellationToken))
        {
            batch.Validate();
            for (var i = 0; i < batch.Count; i++)
            {
                for (var band = 0; band < bands; band++)
                {
                    foreach (var value in batch.Values.AsSpan(((i * bands) + band) * patchFrames, patchFrames))
                    {
                        sum[band] += value;
                        sumSquares[band] += (double)value * value;
                    }
                }
            }

            perBand += (long)batch.Count * patchFrames;
        }

        var mean = sum.Select(s => s / perBand).ToArray();
        var scale = sumSquares.Select((s, b) => Math.Sqrt(Math.Max(0, (s / perBand) - (mean[b] * mean[b]))))
            .Select(s => s > 1e-6 ? (float)s : 1f)
            .ToArray();
        return new FeatureScaler([.. mean.Select(m => (float)m)], scale);
    }
}
