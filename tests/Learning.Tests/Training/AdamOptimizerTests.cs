using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MusicClustering.Learning.Tests;

public sealed class AdamOptimizerTests
{
    private static float[] Train(Func<nn.Module<Tensor, Tensor>, Action> optimizerStep, int steps = 25)
    {
        TorchNativeLoader.EnsureLoaded();
        using var generator = new Generator(5);
        using var model = nn.Sequential(nn.Linear(7, 33), nn.ReLU(), nn.Linear(33, 3));
        using (no_grad())
        {
            foreach (var p in model.parameters())
            {
                p.uniform_(-0.4, 0.4, generator);
            }
        }

        using var x = randn([16, 7], generator: generator);
        using var y = randn([16, 3], generator: generator);
        var step = optimizerStep(model);
        for (var i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            var loss = (model.forward(x) - y).pow(Scalars.Two).mean();
            loss.backward();
            step();
        }

        return [.. model.parameters().SelectMany(p => p.data<float>().ToArray())];
    }

    [Fact]
    public void The_fused_cpu_update_matches_the_tensor_path_and_torchsharps_adam()
    {
        AdamOptimizer? fused = null, tensors = null;
        Adam? reference = null;
        var fusedWeights = Train(m => { fused = new AdamOptimizer(m.parameters(), 1e-2); return fused.Step; });
        var tensorWeights = Train(m => { tensors = new AdamOptimizer(m.parameters(), 1e-2, allowFused: false); return tensors.Step; });
        var referenceWeights = Train(m =>
        {
            reference = optim.Adam(m.parameters(), 1e-2);
            return () => { reference.step(); reference.zero_grad(); };
        });

        // Same arithmetic in a different order of float operations: agreement to float rounding, after 25 steps.
        Assert.All(fusedWeights.Zip(tensorWeights), p => Assert.Equal(p.Second, p.First, 1e-5f));
        Assert.All(fusedWeights.Zip(referenceWeights), p => Assert.Equal(p.Second, p.First, 1e-5f));
        Assert.NotEqual(Train(_ => () => { }), fusedWeights);
        fused!.Dispose();
        tensors!.Dispose();
        reference!.Dispose();
    }

    [Fact]
    public void Saved_state_restores_the_step_count_and_both_moments()
    {
        AdamOptimizer? first = null;
        Train(m => { first = new AdamOptimizer(m.parameters(), 1e-2); return first.Step; }, steps: 3);
        var state = first!.SaveState();

        AdamOptimizer? second = null;
        Train(m => { second = new AdamOptimizer(m.parameters(), 1e-2); second.LoadState(state); return () => { }; }, steps: 1);

        Assert.Equal(state, second!.SaveState());
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public void Moments_that_decay_below_the_smallest_normal_float_become_zero()
    {
        float[] parameter = [1, 1], grad = [0, 0], m = [1e-38f, 0.5f], v = [1.176e-38f, 0.25f];

        AdamOptimizer.FusedUpdate(parameter, grad, m, v, stepSize: 0.1f, biasCorrection2Sqrt: 1);

        Assert.Equal([0, 0.45f], m);
        Assert.Equal(0, v[0]);
        Assert.Equal(0.25f * 0.999f, v[1]);
        Assert.Equal(1, parameter[0]);
        Assert.True(parameter[1] < 1);
    }
}
