namespace MusicClustering.Audio.Tests;

/// <summary>Minimal K-Means (k-means++ seeding, best of several restarts) and NMI, only to sanity-check the corpus.</summary>
internal static class KMeansCheck
{
    public static int[] Cluster(double[][] x, int k, int restarts = 10, int seed = 0)
    {
        var random = new Random(seed);
        int[]? best = null;
        var bestInertia = double.PositiveInfinity;
        for (var r = 0; r < restarts; r++)
        {
            var centres = SeedCentres(x, k, random);
            var labels = new int[x.Length];
            for (var iteration = 0; iteration < 100; iteration++)
            {
                var changed = false;
                for (var i = 0; i < x.Length; i++)
                {
                    var nearest = Enumerable.Range(0, k).MinBy(c => Distance2(x[i], centres[c]));
                    changed |= nearest != labels[i];
                    labels[i] = nearest;
                }

                for (var c = 0; c < k; c++)
                {
                    var members = x.Where((_, i) => labels[i] == c).ToArray();
                    if (members.Length > 0)
                    {
                        centres[c] = Enumerable.Range(0, x[0].Length).Select(d => members.Average(p => p[d])).ToArray();
                    }
                }

                if (!changed && iteration > 0)
                {
                    break;
                }
            }

            var inertia = x.Select((p, i) => Distance2(p, centres[labels[i]])).Sum();
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                best = labels;
            }
        }

        return best!;
    }

    /// <summary>Normalised mutual information with arithmetic-mean normalisation (sklearn's default).</summary>
    public static double Nmi(int[] a, int[] b)
    {
        var n = (double)a.Length;
        var joint = a.Zip(b).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count() / n);
        var pa = a.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count() / n);
        var pb = b.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count() / n);
        var mi = joint.Sum(kv => kv.Value * Math.Log(kv.Value / (pa[kv.Key.First] * pb[kv.Key.Second])));
        var ha = -pa.Values.Sum(p => p * Math.Log(p));
        var hb = -pb.Values.Sum(p => p * Math.Log(p));
        return mi / ((ha + hb) / 2);
    }

    public static double Distance2(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return s;
    }

    private static double[][] SeedCentres(double[][] x, int k, Random random)
    {
        var centres = new List<double[]> { x[random.Next(x.Length)] };
        while (centres.Count < k)
        {
            var d = x.Select(p => centres.Min(c => Distance2(p, c))).ToArray();
            var target = random.NextDouble() * d.Sum();
            var i = 0;
            for (var acc = d[0]; acc < target && i < x.Length - 1; acc += d[++i])
            {
            }

            centres.Add(x[i]);
        }

        return centres.ToArray();
    }
}
