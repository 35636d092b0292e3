namespace MusicClustering.Analysis;

/// <summary>Agglomerative linkage criteria (sklearn's linkage parameter).</summary>
public enum Linkage
{
    Ward,
    Average,
    Complete,
    Single,
}
