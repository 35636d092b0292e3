namespace MusicClustering.Learning.Tests;

public sealed class VaeDiagnosticsTests
{
    [Fact]
    public void A_constant_latent_column_is_inactive_and_excluded_from_total_correlation()
    {
        // Dimension 1 is constant (provably inactive); dimensions 0 and 2 are correlated (TC > 0 expected).
        const int Rows = 500;
        var random = new Random(5);
        var means = new float[Rows * 3];
        var logVars = new float[Rows * 3];
        for (var r = 0; r < Rows; r++)
        {
            var a = (float)((random.NextDouble() * 2) - 1);
            means[(r * 3) + 0] = a;
            means[(r * 3) + 1] = 0.25f;
            means[(r * 3) + 2] = a + (0.5f * (float)((random.NextDouble() * 2) - 1));
        }

        var report = VaeDiagnostics.FromLatents(means, logVars, Rows, 3);

        Assert.Equal([0, 2], report.ActiveDimensions);
        Assert.Equal(2, report.ActiveUnits);
        Assert.Equal(0, report.LatentMeanVariance[1], 12);
        // With log σ² = 0, KL per row is μ²/2: the constant dimension contributes exactly 0.25²/2.
        Assert.Equal(0.03125, report.KlPerDimension[1], 6);
        // Correlation ρ of dims 0 and 2 (var 1/3 vs 1/3 + 1/12): TC = −½ log(1 − ρ²) with ρ² = 0.8.
        Assert.InRange(report.TotalCorrelation, 0.7, 0.92);
        Assert.True(double.IsNaN(report.ReconstructionError));
    }

    [Fact]
    public void Independent_latents_have_near_zero_total_correlation()
    {
        const int Rows = 4000;
        var random = new Random(9);
        var means = Enumerable.Range(0, Rows * 4).Select(_ => (float)random.NextDouble()).ToArray();

        var report = VaeDiagnostics.FromLatents(means, new float[Rows * 4], Rows, 4);

        Assert.Equal(4, report.ActiveUnits);
        Assert.InRange(report.TotalCorrelation, 0, 0.01);
    }

    [Fact]
    public void A_strong_beta_on_low_dimensional_data_leaves_units_inactive_with_tiny_kl()
    {
        // 300 rows of 10 features driven by 2 factors: a β-VAE with 6 latents should switch most of them off.
        const int Rows = 300;
        const int Columns = 10;
        var random = new Random(2);
        var data = new float[Rows * Columns];
        for (var r = 0; r < Rows; r++)
        {
            var (u, v) = (random.NextDouble(), random.NextDouble());
            for (var c = 0; c < Columns; c++)
            {
                data[(r * Columns) + c] = (float)((Math.Sin(c + 1) * u) + (Math.Cos(c + 1) * v) + (0.01 * random.NextDouble()));
            }
        }

        var options = new VaeOptions { HiddenSizes = [32, 16], LatentDim = 6, Beta = 4, Epochs = 40, Seed = 1 };
        var result = new VaeTrainer().Train(new VaeTrainingInput(data, Rows, Columns), options, null, CancellationToken.None);
        using var model = VaeModelFile.Load(result.ModelBytes);

        var report = VaeDiagnostics.Compute(model, data);

        Assert.InRange(report.ActiveUnits, 1, 5);
        var inactive = Enumerable.Range(0, 6).Except(report.ActiveDimensions).ToList();
        Assert.All(inactive, d => Assert.True(report.KlPerDimension[d] < 0.1, $"inactive dim {d} has KL {report.KlPerDimension[d]}"));
        Assert.Equal(result.FinalReconstructionError, report.ReconstructionError, 6);
        Assert.Equal(result.History[^1].Kl, report.TotalKl, 0.5);
    }
}
