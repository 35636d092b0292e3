namespace MusicClustering.Analysis;

/// <summary>Row-major samples for the mixture's E and M steps.</summary>
internal sealed record MixtureData(double[] X, int N, int D);
