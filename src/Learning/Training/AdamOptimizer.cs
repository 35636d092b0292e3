using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// Adam (Kingma &amp; Ba, PyTorch's defaults and update order) that also drops the gradients it consumed.
/// On the CPU one vectorised pass per parameter reads the gradient and the two moments and writes the parameter and
/// the moments: TorchSharp's Adam spends about ten native calls and three temporaries per
/// parameter, which made the optimizer step the largest part of a small model's batch. Elsewhere (CUDA) the same
/// arithmetic runs as in-place tensor operations. Moments below the smallest normal float are flushed to zero: left
/// alone, the first moment of a parameter whose gradient stays zero decays through the subnormal range, where every
/// operation on it costs a hundred cycles, for its last ~150 steps.
/// </summary>
internal sealed class AdamOptimizer : IDisposable
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    /// <summary>FLT_MIN, the smallest positive normal float; below it lie the slow subnormals.</summary>
    private const float SmallestNormal = 1.17549435e-38f;

    private readonly Parameter[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly bool _fused;
    private readonly double _learningRate;
    private long _step;

    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate)
        : this(parameters, learningRate, allowFused: true)
    {
    }

    /// <param name="allowFused">False forces the tensor-operation path (what other devices run), for comparison.</param>
    internal AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, bool allowFused)
    {
        _parameters = [.. parameters];
        _learningRate = learningRate;
        _firstMoments = [.. _parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
        _secondMoments = [.. _parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
        _fused = allowFused && _parameters.All(p => p.device_type == DeviceType.CPU && p.dtype == ScalarType.Float32 && p.is_contiguous());
    }

    /// <summary>Applies one update from the current gradients, then zeroes them for the next backward pass.</summary>
    public void Step()
    {
        _step++;
        var stepSize = (float)(_learningRate / (1 - Math.Pow(Beta1, _step)));
        var biasCorrection2Sqrt = (float)Math.Sqrt(1 - Math.Pow(Beta2, _step));
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            using var grad = _parameters[i].grad;
            if (grad is null)
            {
                continue;
            }

            if (_fused)
            {
                FusedUpdate(
                    Floats(_parameters[i]), Floats(grad), Floats(_firstMoments[i]), Floats(_secondMoments[i]), stepSize, biasCorrection2Sqrt);
            }
            else
            {
                TensorUpdate(_parameters[i], grad, _firstMoments[i], _secondMoments[i], stepSize, biasCorrection2Sqrt);
            }

            // Dropped, not zeroed (PyTorch's set_to_none): the next backward pass then hands its fresh gradient over
            // instead of adding it into zeros, which saved a read and two writes of every parameter per step.
            _parameters[i].grad = null;
        }
    }

    /// <summary>Step count and both moments of every parameter, so a resumed run continues the same optimisation.</summary>
    public byte[] SaveState()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(_step);
            writer.Write(_parameters.Length);
            foreach (var moment in _firstMoments.Concat(_secondMoments))
            {
                using var host = moment.cpu();
                writer.Write(host.numel());
                writer.Write(host.bytes);
            }
        }

        return stream.ToArray();
    }

    public void LoadState(byte[] state)
    {
        using var reader = new BinaryReader(new MemoryStream(state, writable: false));
        _step = reader.ReadInt64();
        if (reader.ReadInt32() != _parameters.Length)
        {
            throw new InvalidDataException("Optimizer state is for a different number of parameters.");
        }

        using var noGrad = no_grad();
        foreach (var moment in _firstMoments.Concat(_secondMoments))
        {
            var count = reader.ReadInt64();
            var bytes = reader.ReadBytes(checked((int)(count * sizeof(float))));
            if (count != moment.numel() || bytes.Length != count * sizeof(float))
            {
                throw new InvalidDataException("Optimizer state does not match the parameter shapes.");
            }

            using var host = tensor(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), moment.shape);
            moment.copy_(host);
        }
    }

    public void Dispose()
    {
        foreach (var moment in _firstMoments.Concat(_secondMoments))
        {
            moment.Dispose();
        }
    }

    private static Span<float> Floats(Tensor tensor) => MemoryMarshal.Cast<byte, float>(tensor.bytes);

    internal static void FusedUpdate(Span<float> parameter, ReadOnlySpan<float> grad, Span<float> m, Span<float> v, float stepSize, float biasCorrection2Sqrt)
    {
        var vectors = Vector<float>.Count;
        var whole = parameter.Length - (parameter.Length % vectors);
        var p = MemoryMarshal.Cast<float, Vector<float>>(parameter[..whole]);
        var g = MemoryMarshal.Cast<float, Vector<float>>(grad[..whole]);
        var m1 = MemoryMarshal.Cast<float, Vector<float>>(m[..whole]);
        var m2 = MemoryMarshal.Cast<float, Vector<float>>(v[..whole]);
        var smallest = new Vector<float>(SmallestNormal);
        for (var k = 0; k < p.Length; k++)
        {
            var gk = g[k];
            var first = (m1[k] * Beta1) + (gk * (1 - Beta1));
            first = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(Vector.Abs(first), smallest), first, Vector<float>.Zero);
            var second = (m2[k] * Beta2) + (gk * gk * (1 - Beta2));
            second = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(second, smallest), second, Vector<float>.Zero);
            m1[k] = first;
            m2[k] = second;
            p[k] -= stepSize * first / ((Vector.SquareRoot(second) / biasCorrection2Sqrt) + new Vector<float>(Epsilon));
        }

        for (var i = whole; i < parameter.Length; i++)
        {
            var gi = grad[i];
            var first = FlushSubnormal((m[i] * Beta1) + (gi * (1 - Beta1)));
            var second = FlushSubnormal((v[i] * Beta2) + (gi * gi * (1 - Beta2)));
            m[i] = first;
            v[i] = second;
            parameter[i] -= stepSize * first / ((MathF.Sqrt(second) / biasCorrection2Sqrt) + Epsilon);
        }
    }

    private static void TensorUpdate(Tensor parameter, Tensor grad, Tensor m, Tensor v, float stepSize, float biasCorrection2Sqrt)
    {
        using var scope = NewDisposeScope();
        using var step = (-stepSize).ToScalar();
        using var correction = biasCorrection2Sqrt.ToScalar();
        m.mul_(Scalars.Of(Beta1)).add_(grad, alpha: Scalars.Of(1 - Beta1));
        m.masked_fill_(m.abs() < Scalars.Of(SmallestNormal), Scalars.Of(0));
        v.mul_(Scalars.Of(Beta2)).addcmul_(grad, grad, value: Scalars.Of(1 - Beta2));
        v.masked_fill_(v < Scalars.Of(SmallestNormal), Scalars.Of(0));
        var denominator = v.sqrt().div_(correction).add_(Scalars.Of(Epsilon), Scalars.One);
        parameter.addcdiv_(m, denominator, value: step);
    }

    private static float FlushSubnormal(float value) => MathF.Abs(value) >= SmallestNormal ? value : 0;
}
