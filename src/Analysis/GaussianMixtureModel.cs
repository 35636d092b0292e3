namespace MusicClustering.Analysis;

/// <summary>A fitted mixture: sklearn's weights_, means_, covariances_, lower_bound_, n_iter_, converged_ and its scores.</summary>
public sealed class GaussianMixtureModel
{
    private readonly MixtureParameters _parameters;

    internal GaussianMixtureModel(MixtureParameters parameters, int[] labels, double lowerBound, int iterations, bool converged)
    {
        _parameters = parameters;
        Labels = labels;
        LowerBound = lowerBound;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>fit_predict's labels (after the final E-step).</summary>
    public int[] Labels { get; }
    public double LowerBound { get; }
    public int Iterations { get; }
    public bool Converged { get; }
    public CovarianceType CovarianceType => _parameters.Type;
    public double[] Weights => _parameters.Weights;
    public double[][] Means => _parameters.MeanRows();

    /// <summary>Per component (one entry for 'tied'): d×d row-major for full/tied, d variances for diag, 1 for spherical.</summary>
    public double[][] Covariances => _parameters.Covariances;

    /// <summary>sklearn's score: mean log-likelihood per sample.</summary>
    public double Score(double[][] x)
    {
        var data = Data(x);
        return _parameters.EStep(data, new double[data.N * _parameters.K]);
    }

    public int[] Predict(double[][] x)
    {
        var data = Data(x);
        int k = _parameters.K;
        var logResp = new double[data.N * k];
        _parameters.EStep(data, logResp);
        return Enumerable.Range(0, data.N).Select(i => Enumerable.Range(0, k).MaxBy(c => logResp[i * k + c])).ToArray();
    }

    /// <summary>Free parameters: covariances + means + (k − 1) weights.</summary>
    public int FreeParameters => _parameters.FreeParameters;

    /// <summary>−2·log L + p·ln n (lower is better).</summary>
    public double Bic(double[][] x) => -2 * Score(x) * x.Length + FreeParameters * Math.Log(x.Length);

    /// <summary>−2·log L + 2p.</summary>
    public double Aic(double[][] x) => -2 * Score(x) * x.Length + 2 * FreeParameters;

    private MixtureData Data(double[][] x)
    {
        int d = DataChecks.RequireRectangular(x);
        DataChecks.RequireSameLength(_parameters.D, d, nameof(x));
        return new MixtureData(DataChecks.Flatten(x, d), x.Length, d);
    }
}
