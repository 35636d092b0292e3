namespace MusicClustering.Analysis;

/// <summary>sklearn's covariance_type: one full matrix per component, one shared matrix, per-feature variances, or one variance.</summary>
public enum CovarianceType
{
    Full,
    Tied,
    Diag,
    Spherical,
}
