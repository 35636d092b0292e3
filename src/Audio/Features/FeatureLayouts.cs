namespace MusicClustering.Audio;

/// <summary>
/// The block layout of every config's vector. <c>descriptors</c> (137 with 20 MFCCs): for each descriptor in
/// <see cref="DescriptorSet.Names"/> order its row means then its row standard deviations (chroma 24, contrast 14,
/// centroid, bandwidth, rolloff, flatness, zcr, rms 2 each, mfcc 40, mfcc_delta 40, onset 2), then tempo (1) and hpss
/// (harmony mean and std, perceptr mean and std: 4). <c>gtzan57</c>: the table's column pairs, tempo and the 40 MFCC
/// columns as one block. <c>stats</c>: one block; <c>stats+delta</c>: MFCC and delta blocks; <c>frames:N</c>: one block.
/// </summary>
internal static class FeatureLayouts
{
    public const int ChromaRows = 12;
    public const int ContrastRows = 7;

    public static IReadOnlyList<FeatureBlock> For(FeatureConfig config) => For(config, config.Mfcc.NMfcc);

    public static IReadOnlyList<FeatureBlock> For(FeatureConfig config, int nMfcc) => config.Kind switch
    {
        FeatureKind.Stats => [new(DescriptorSet.Mfcc, 2 * nMfcc)],
        FeatureKind.StatsDelta => [new(DescriptorSet.Mfcc, 2 * nMfcc), new(DescriptorSet.MfccDelta, 2 * nMfcc)],
        FeatureKind.Frames => [new("mfcc_frames", nMfcc * config.FrameCount)],
        FeatureKind.Gtzan57 =>
        [
            new("chroma_stft", 2), new("rms", 2), new("spectral_centroid", 2), new("spectral_bandwidth", 2), new("rolloff", 2),
            new("zero_crossing_rate", 2), new("harmony", 2), new("perceptr", 2), new("tempo", 1), new(DescriptorSet.Mfcc, 40),
        ],
        FeatureKind.Descriptors =>
        [
            .. DescriptorSet.Names.Select(name => new FeatureBlock(name, 2 * Rows(name, nMfcc))),
            new("tempo", 1),
            new("hpss", 4),
        ],
        _ => [],
    };

    public static int Rows(string descriptor, int nMfcc) => descriptor switch
    {
        DescriptorSet.Chroma => ChromaRows,
        DescriptorSet.Contrast => ContrastRows,
        DescriptorSet.Mfcc or DescriptorSet.MfccDelta => nMfcc,
        _ => 1,
    };
}
