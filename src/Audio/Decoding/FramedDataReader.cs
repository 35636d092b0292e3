namespace MusicClustering.Audio;

/// <summary>
/// A container whose header is followed by interleaved sample frames (WAV, Sun .au): the frames are converted chunk
/// by chunk, a declared size the file does not hold is reported as truncation, and no data at all is an error. The
/// container parses its header and then calls <see cref="BeginData"/>.
/// </summary>
internal abstract class FramedDataReader : AudioReader
{
    private const int ChunkBytes = 1 << 16;

    private readonly StreamBytes _input;
    private SampleEncoding _encoding;
    private int _channels;
    private int _frameBytes;
    private bool _bigEndian;
    private string _dataName = string.Empty;
    private byte[] _buffer = [];
    private long? _declaredBytes;
    private long _remaining;
    private long _dataBytesRead;
    private bool _ended;

    protected FramedDataReader(StreamBytes input, string fileName)
        : base(fileName) => _input = input;

    public override double? DeclaredSeconds => _declaredBytes is { } bytes ? (double)(bytes / _frameBytes) / SampleRate : null;

    /// <summary>
    /// The data starts at the input's position: frames of <paramref name="frameBytes"/> bytes, <paramref name="declaredBytes"/>
    /// of them by the header (null: to the end). <paramref name="dataName"/> names the data in messages ("the 'data' chunk").
    /// </summary>
    protected void BeginData(SampleEncoding encoding, int channels, int frameBytes, long? declaredBytes, bool bigEndian, string dataName)
    {
        _encoding = encoding;
        _channels = channels;
        _frameBytes = frameBytes;
        _declaredBytes = declaredBytes;
        _remaining = declaredBytes ?? long.MaxValue;
        _bigEndian = bigEndian;
        _dataName = dataName;
        _buffer = new byte[Math.Max(frameBytes, ChunkBytes / frameBytes * frameBytes)];
    }

    public override int Read(Span<float> interleaved)
    {
        if (_ended)
        {
            return 0;
        }

        var wanted = (int)Math.Min(Math.Min(_buffer.Length, (long)(interleaved.Length / _channels) * _frameBytes), _remaining / _frameBytes * _frameBytes);
        var read = wanted <= 0 ? 0 : _input.ReadUpTo(_buffer.AsSpan(0, wanted));
        var frames = read / _frameBytes;
        _dataBytesRead += read;
        _remaining -= read;
        if (frames == 0)
        {
            return End();
        }

        SampleDecoding.Frames(_buffer.AsSpan(0, frames * _frameBytes), interleaved, _encoding, _channels, _frameBytes, _bigEndian, FileName, FramesRead * _channels);
        FramesRead += frames;
        if (read < wanted)
        {
            End();
        }

        return frames;
    }

    private int End()
    {
        _ended = true;
        if (FramesRead == 0 && _declaredBytes >= _frameBytes)
        {
            throw new AudioFormatException(AudioFailureReasons.TruncatedData, $"{FileName}: the header declares {DeclaredSeconds:0.###} s of audio but the data ends after {_dataBytesRead} bytes, before one sample frame.");
        }

        if (FramesRead == 0)
        {
            throw new AudioFormatException(AudioFailureReasons.EmptyData, $"{FileName}: {_dataName} holds {_dataBytesRead} bytes, less than one {_frameBytes}-byte sample frame.");
        }

        if (_declaredBytes is { } declared)
        {
            CheckTruncation(declared / _frameBytes);
        }

        return 0;
    }
}
