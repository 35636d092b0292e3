using Google.Protobuf;
using Onnx;

namespace MusicClustering.TestSupport;

/// <summary>
/// Small ONNX models written in code with the ONNX protobuf classes (opset 13): nothing is downloaded. Linked into
/// every test project that needs one (Learning, Integration, Console), so there is one copy.
/// </summary>
internal static class TinyOnnxModels
{
    /// <summary>[N, 1, M, T] → mean over frames → [N, M] · W [M, D] + b → "embedding" [N, D].</summary>
    public static byte[] MeanOverFramesThenLinear(int mels, float[] weights, float[] bias)
    {
        var width = bias.Length;
        var graph = new GraphProto { Name = "mean_linear" };
        graph.Input.Add(Value("logmel", ["N", 1L, mels, "T"]));
        graph.Output.Add(Value("embedding", ["N", width]));
        graph.Initializer.Add(Floats("W", [mels, width], weights));
        graph.Initializer.Add(Floats("b", [width], bias));
        graph.Node.Add(Node("ReduceMean", ["logmel"], ["pooled"], Ints("axes", 3), Int("keepdims", 0)));
        graph.Node.Add(Node("Flatten", ["pooled"], ["flat"], Int("axis", 1)));
        graph.Node.Add(Node("MatMul", ["flat", "W"], ["projected"]));
        graph.Node.Add(Node("Add", ["projected", "b"], ["embedding"]));
        return Model(graph);
    }

    /// <summary>[N, S] → mean of squares over samples [N, 1] · W [1, D] → "power" [N, 1, D] (a middle axis to average).</summary>
    public static byte[] MeanSquareWaveform(float[] weights)
    {
        var graph = new GraphProto { Name = "mean_square" };
        graph.Input.Add(Value("audio", ["N", "S"]));
        graph.Output.Add(Value("power", ["N", 1L, weights.Length]));
        graph.Initializer.Add(Floats("W", [1, weights.Length], weights));
        graph.Node.Add(Node("Mul", ["audio", "audio"], ["squared"]));
        graph.Node.Add(Node("ReduceMean", ["squared"], ["energy"], Ints("axes", 1), Int("keepdims", 1)));
        graph.Node.Add(Node("MatMul", ["energy", "W"], ["projected"]));
        graph.Node.Add(Node("Unsqueeze", ["projected"], ["power"], Ints("axes", 1)));
        return Model(graph, opset: 11);
    }

    private static byte[] Model(GraphProto graph, long opset = 13)
    {
        var model = new ModelProto { IrVersion = 7, ProducerName = "MusicClustering.Learning.Tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model.ToByteArray();
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = outputs[0] };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static TensorProto Floats(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    /// <summary>A float tensor value; each dimension a fixed size (number) or a named free one (string).</summary>
    private static ValueInfoProto Value(string name, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
