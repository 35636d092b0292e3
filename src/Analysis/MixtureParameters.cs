namespace MusicClustering.Analysis;

/// <summary>One mixture's weights, means, covariances and Cholesky precisions, with sklearn's estimators and log-densities.</summary>
internal sealed class MixtureParameters
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    private const string IllDefined =
        "Fitting the mixture model failed because some components have ill-defined empirical covariance (for instance caused by " +
        "singleton or collapsed samples). Try to decrease the number of components, or increase reg_covar.";

    private MixtureParameters(CovarianceType type, int k, int d, double[] weights, double[] means, double[][] covariances)
    {
        Type = type;
        K = k;
        D = d;
        Weights = weights;
        Means = means;
        Covariances = covariances;
        PrecisionsCholesky = covariances.Select(c => PrecisionCholesky(c, type, d)).ToArray();
    }

    public CovarianceType Type { get; }
    public int K { get; }
    public int D { get; }
    public double[] Weights { get; }

    /// <summary>k × d, row-major.</summary>
    public double[] Means { get; }

    public double[][] Covariances { get; }

    /// <summary>Full/tied: the upper-triangular (L⁻¹)ᵀ of cov = L·Lᵀ, d×d row-major; diag/spherical: 1/√variance.</summary>
    public double[][] PrecisionsCholesky { get; }

    public int FreeParameters
    {
        get
        {
            double covariance = Type switch
            {
                CovarianceType.Full => K * D * (D + 1) / 2.0,
                CovarianceType.Diag => K * D,
                CovarianceType.Tied => D * (D + 1) / 2.0,
                _ => K,
            };
            return (int)(covariance + D * K + K - 1);
        }
    }

    public double[][] MeanRows() => Enumerable.Range(0, K).Select(c => Means.AsSpan(c * D, D).ToArray()).ToArray();

    public void NormalizeWeights(double total)
    {
        for (int c = 0; c < K; c++)
        {
            Weights[c] /= total;
        }
    }

    /// <summary>sklearn's _estimate_gaussian_parameters from responsibilities (n × k); weights are nk, not yet normalised.</summary>
    public static MixtureParameters Estimate(MixtureData data, double[] resp, int k, double regCovar, CovarianceType type)
    {
        var (x, n, d) = data;
        var nk = new double[k];
        var means = new double[k * d];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++)
            {
                double r = resp[i * k + c];
                if (r == 0)
                {
                    continue;
                }
                nk[c] += r;
                for (int j = 0; j < d; j++)
                {
                    means[c * d + j] += r * x[i * d + j];
                }
            }
        }
        for (int c = 0; c < k; c++)
        {
            // sklearn adds 10 machine epsilons so an empty component does not divide by zero.
            nk[c] += 10 * MachineEpsilon;
            for (int j = 0; j < d; j++)
            {
                means[c * d + j] /= nk[c];
            }
        }
        double[][] covariances = type switch
        {
            CovarianceType.Full => FullCovariances(data, resp, nk, means, regCovar),
            CovarianceType.Tied => [TiedCovariance(data, nk, means, regCovar)],
            CovarianceType.Diag => DiagCovariances(data, resp, nk, means, regCovar),
            _ => DiagCovariances(data, resp, nk, means, regCovar).Select(v => new[] { v.Average() }).ToArray(),
        };
        return new MixtureParameters(type, k, d, nk, means, covariances);
    }

    /// <summary>Writes log responsibilities (n × k) and returns the mean log-likelihood (sklearn's lower bound).</summary>
    public double EStep(MixtureData data, double[] logResp)
    {
        var (x, n, d) = data;
        int k = K;
        double[] logDet = LogDetCholesky();
        double[] logWeights = Weights.Select(w => Math.Log(w)).ToArray();
        double constant = d * Math.Log(2 * Math.PI);
        double[] projectedMeans = ProjectedMeans();
        double total = 0;
        var row = new double[k];
        var y = new double[d];
        for (int i = 0; i < n; i++)
        {
            var xi = x.AsSpan(i * d, d);
            for (int c = 0; c < k; c++)
            {
                row[c] = -0.5 * (constant + Mahalanobis(xi, c, projectedMeans, y)) + logDet[c] + logWeights[c];
            }
            double max = row.Max();
            double sum = 0;
            foreach (double v in row)
            {
                sum += Math.Exp(v - max);
            }
            double norm = double.IsNegativeInfinity(max) ? max : max + Math.Log(sum);
            total += norm;
            for (int c = 0; c < k; c++)
            {
                logResp[i * k + c] = row[c] - norm;
            }
        }
        return total / n;
    }

    /// <summary>The squared Mahalanobis distance, evaluated with sklearn's algebra for each covariance type.</summary>
    private double Mahalanobis(ReadOnlySpan<double> xi, int c, double[] projectedMeans, double[] y)
    {
        int d = D;
        switch (Type)
        {
            case CovarianceType.Full:
            case CovarianceType.Tied:
            {
                double[] p = PrecisionsCholesky[Type == CovarianceType.Full ? c : 0];
                double sum = 0;
                for (int col = 0; col < d; col++)
                {
                    double v = 0;
                    for (int r = 0; r <= col; r++)
                    {
                        v += xi[r] * p[r * d + col];
                    }
                    v -= projectedMeans[c * d + col];
                    sum += v * v;
                }
                return sum;
            }
            case CovarianceType.Diag:
            {
                double[] p = PrecisionsCholesky[c];
                double meanTerm = 0;
                double cross = 0;
                double square = 0;
                for (int j = 0; j < d; j++)
                {
                    double precision = p[j] * p[j];
                    double mu = Means[c * d + j];
                    meanTerm += mu * mu * precision;
                    cross += xi[j] * (mu * precision);
                    square += xi[j] * xi[j] * precision;
                }
                return meanTerm - 2.0 * cross + square;
            }
            default:
            {
                double precision = PrecisionsCholesky[c][0] * PrecisionsCholesky[c][0];
                double meanSquare = 0;
                double cross = 0;
                double square = 0;
                for (int j = 0; j < d; j++)
                {
                    double mu = Means[c * d + j];
                    meanSquare += mu * mu;
                    cross += xi[j] * (mu * precision);
                    square += xi[j] * xi[j];
                }
                return meanSquare * precision - 2 * cross + square * precision;
            }
        }
    }

    /// <summary>μ·P per component for full/tied (sklearn subtracts it after projecting x).</summary>
    private double[] ProjectedMeans()
    {
        int d = D;
        var projected = new double[K * d];
        if (Type is not (CovarianceType.Full or CovarianceType.Tied))
        {
            return projected;
        }
        for (int c = 0; c < K; c++)
        {
            double[] p = PrecisionsCholesky[Type == CovarianceType.Full ? c : 0];
            for (int col = 0; col < d; col++)
            {
                double v = 0;
                for (int r = 0; r <= col; r++)
                {
                    v += Means[c * d + r] * p[r * d + col];
                }
                projected[c * d + col] = v;
            }
        }
        return projected;
    }

    private double[] LogDetCholesky()
    {
        int d = D;
        return Enumerable.Range(0, K).Select(c => Type switch
        {
            CovarianceType.Full => Enumerable.Range(0, d).Sum(j => Math.Log(PrecisionsCholesky[c][j * d + j])),
            CovarianceType.Tied => Enumerable.Range(0, d).Sum(j => Math.Log(PrecisionsCholesky[0][j * d + j])),
            CovarianceType.Diag => PrecisionsCholesky[c].Sum(Math.Log),
            _ => d * Math.Log(PrecisionsCholesky[c][0]),
        }).ToArray();
    }

    private static double[][] FullCovariances(MixtureData data, double[] resp, double[] nk, double[] means, double regCovar)
    {
        var (x, n, d) = data;
        int k = nk.Length;
        var result = new double[k][];
        var diff = new double[d];
        for (int c = 0; c < k; c++)
        {
            var cov = new double[d * d];
            for (int i = 0; i < n; i++)
            {
                double r = resp[i * k + c];
                if (r == 0)
                {
                    continue;
                }
                for (int j = 0; j < d; j++)
                {
                    diff[j] = x[i * d + j] - means[c * d + j];
                }
                for (int a = 0; a < d; a++)
                {
                    double ra = r * diff[a];
                    for (int b = a; b < d; b++)
                    {
                        cov[a * d + b] += ra * diff[b];
                    }
                }
            }
            for (int a = 0; a < d; a++)
            {
                for (int b = a; b < d; b++)
                {
                    cov[a * d + b] /= nk[c];
                    cov[b * d + a] = cov[a * d + b];
                }
                cov[a * d + a] += regCovar;
            }
            result[c] = cov;
        }
        return result;
    }

    private static double[] TiedCovariance(MixtureData data, double[] nk, double[] means, double regCovar)
    {
        var (x, n, d) = data;
        var cov = new double[d * d];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < d; a++)
            {
                double xa = x[i * d + a];
                for (int b = a; b < d; b++)
                {
                    cov[a * d + b] += xa * x[i * d + b];
                }
            }
        }
        double total = nk.Sum();
        for (int a = 0; a < d; a++)
        {
            for (int b = a; b < d; b++)
            {
                double means2 = 0;
                for (int c = 0; c < nk.Length; c++)
                {
                    means2 += nk[c] * means[c * d + a] * means[c * d + b];
                }
                cov[a * d + b] = (cov[a * d + b] - means2) / total;
                cov[b * d + a] = cov[a * d + b];
            }
            cov[a * d + a] += regCovar;
        }
        return cov;
    }

    private static double[][] DiagCovariances(MixtureData data, double[] resp, double[] nk, double[] means, double regCovar)
    {
        var (x, n, d) = data;
        int k = nk.Length;
        var result = new double[k][];
        for (int c = 0; c < k; c++)
        {
            var x2 = new double[d];
            var x1 = new double[d];
            for (int i = 0; i < n; i++)
            {
                double r = resp[i * k + c];
                if (r == 0)
                {
                    continue;
                }
                for (int j = 0; j < d; j++)
                {
                    double v = x[i * d + j];
                    x2[j] += r * v * v;
                    x1[j] += r * v;
                }
            }
            var variances = new double[d];
            for (int j = 0; j < d; j++)
            {
                double mu = means[c * d + j];
                variances[j] = x2[j] / nk[c] - 2 * (mu * x1[j] / nk[c]) + mu * mu + regCovar;
            }
            result[c] = variances;
        }
        return result;
    }

    private static double[] PrecisionCholesky(double[] covariance, CovarianceType type, int d)
    {
        if (type is CovarianceType.Diag or CovarianceType.Spherical)
        {
            return covariance.Select(v => v > 0 ? 1 / Math.Sqrt(v) : throw new InvalidOperationException(IllDefined)).ToArray();
        }
        // cov = L·Lᵀ; the precision's Cholesky factor is (L⁻¹)ᵀ, upper triangular.
        var l = new double[d * d];
        for (int j = 0; j < d; j++)
        {
            double diagonal = covariance[j * d + j];
            for (int t = 0; t < j; t++)
            {
                diagonal -= l[j * d + t] * l[j * d + t];
            }
            if (!(diagonal > 0))
            {
                throw new InvalidOperationException(IllDefined);
            }
            double root = Math.Sqrt(diagonal);
            l[j * d + j] = root;
            for (int i = j + 1; i < d; i++)
            {
                double v = covariance[i * d + j];
                for (int t = 0; t < j; t++)
                {
                    v -= l[i * d + t] * l[j * d + t];
                }
                l[i * d + j] = v / root;
            }
        }
        var inverse = new double[d * d];
        for (int col = 0; col < d; col++)
        {
            for (int i = col; i < d; i++)
            {
                double v = i == col ? 1 : 0;
                for (int t = col; t < i; t++)
                {
                    v -= l[i * d + t] * inverse[t * d + col];
                }
                inverse[i * d + col] = v / l[i * d + i];
            }
        }
        var precision = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                precision[j * d + i] = inverse[i * d + j];
            }
        }
        return precision;
    }
}
