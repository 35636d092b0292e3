using System.Diagnostics;

namespace MusicClustering.Learning;

/// <summary>
/// Pays TorchSharp's one-time costs once per process, on a background thread, when a silo starts: loading libtorch,
/// JIT-compiling the training, checkpoint, encoding and diagnostics paths, and the CPU kernels' first use. Measured
/// on a 2-core VM, a cold process's first 50-epoch run took 3.9-6.5 s against 2.9 s for the next one. Nothing it does
/// changes a result: every run seeds its own generators and sets its own thread count, and a trainer waits for
/// <see cref="Completion"/> first, so the two never share torch's global settings at once.
/// </summary>
public static class TorchWarmUp
{
    private const int Rows = 64;
    private const int Columns = 40;

    private static readonly Lazy<Task<string>> Run = new(() => Start(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static volatile bool _started;

    /// <summary>Starts the warm-up (once per process) and returns what it did, for the log; never faults.</summary>
    public static Task<string> Begin()
    {
        _started = true;
        return Run.Value;
    }

    /// <summary>Completes when a started warm-up has finished (at once when none was started).</summary>
    public static Task Completion => _started ? Run.Value : Task.CompletedTask;

    private static Task<string> Start()
    {
        var completion = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => completion.SetResult(TrainOnce())) { IsBackground = true, Name = "torch-warm-up" };
        thread.Start();
        return completion.Task;
    }

    // A tiny run through the same code a real one takes: the trainer, a checkpoint, the encoding pass, the model file
    // and the diagnostics. A failure here (libtorch missing, say) is reported by the first real run in its own words.
    private static string TrainOnce()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var random = new Random(0);
            var data = new float[Rows * Columns];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = (float)random.NextDouble();
            }

            var options = new VaeOptions { Epochs = 2, TorchThreads = 1, Device = "cpu", CheckpointEveryEpochs = 1 };
            var input = new VaeTrainingInput(data, Rows, Columns, onCheckpoint: checkpoint => checkpoint.ToBytes());
            var result = new VaeTrainer().Train(input, options, null, CancellationToken.None);
            using var model = VaeModelFile.Load(result.ModelBytes);
            VaeDiagnostics.Compute(model, data);
            return $"torch warmed up in {clock.Elapsed.TotalSeconds:F2} s";
        }
        catch (Exception ex)
        {
            return $"torch warm-up failed after {clock.Elapsed.TotalSeconds:F2} s: {ex.Message}";
        }
    }
}
