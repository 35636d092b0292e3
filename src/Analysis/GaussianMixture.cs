namespace MusicClustering.Analysis;

/// <summary>
/// Gaussian mixture fitted by EM exactly as sklearn's GaussianMixture: K-Means responsibilities to start, the same
/// covariance estimators (reg_covar on the diagonal), Cholesky precisions, convergence when the mean log-likelihood
/// changes by less than tol, the best of n_init by lower bound, and a final E-step for the labels. O(n·k·d²) per
/// iteration for 'full', O(n·k·d) for 'diag'; O(n·k) memory.
/// </summary>
public static class GaussianMixture
{
    public static GaussianMixtureModel Fit(double[][] x, GaussianMixtureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int d = DataChecks.RequireRectangular(x);
        int n = x.Length;
        int k = options.NComponents;
        if (k < 1 || n < k || n < 2)
        {
            throw new ArgumentException($"Expected n_samples >= n_components and >= 2 but got n_components = {k}, n_samples = {n}.");
        }
        if (options.MaxIter < 1 || options.NInit < 1 || options.Tol < 0 || options.RegCovar < 0)
        {
            throw new ArgumentException("max_iter and n_init must be positive, tol and reg_covar non-negative.", nameof(options));
        }
        var data = new MixtureData(DataChecks.Flatten(x, d), n, d);
        var logResp = new double[n * k];
        MixtureParameters? best = null;
        double bestBound = double.NegativeInfinity;
        int bestIterations = 0;
        bool converged = false;
        int restarts = options.InitialLabels is null ? options.NInit : 1;
        for (int restart = 0; restart < restarts; restart++)
        {
            int[] start = options.InitialLabels
                ?? KMeans.Fit(x, new KMeansOptions { NClusters = k, NInit = 1, Seed = options.Seed + restart }).Labels;
            DataChecks.RequireSameLength(n, start.Length, nameof(options.InitialLabels));
            var resp = new double[n * k];
            for (int i = 0; i < n; i++)
            {
                resp[i * k + start[i]] = 1;
            }
            var parameters = MixtureParameters.Estimate(data, resp, k, options.RegCovar, options.CovarianceType);
            parameters.NormalizeWeights(n);
            double bound = double.NegativeInfinity;
            int iteration = 0;
            converged = false;
            for (iteration = 1; iteration <= options.MaxIter; iteration++)
            {
                double previous = bound;
                bound = parameters.EStep(data, logResp);
                for (int t = 0; t < resp.Length; t++)
                {
                    resp[t] = Math.Exp(logResp[t]);
                }
                parameters = MixtureParameters.Estimate(data, resp, k, options.RegCovar, options.CovarianceType);
                parameters.NormalizeWeights(parameters.Weights.Sum());
                if (Math.Abs(bound - previous) < options.Tol)
                {
                    converged = true;
                    break;
                }
            }
            if (bound > bestBound || best is null)
            {
                bestBound = bound;
                best = parameters;
                bestIterations = Math.Min(iteration, options.MaxIter);
            }
        }
        best!.EStep(data, logResp);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int arg = 0;
            for (int c = 1; c < k; c++)
            {
                if (logResp[i * k + c] > logResp[i * k + arg])
                {
                    arg = c;
                }
            }
            labels[i] = arg;
        }
        return new GaussianMixtureModel(best, labels, bestBound, bestIterations, converged);
    }
}
