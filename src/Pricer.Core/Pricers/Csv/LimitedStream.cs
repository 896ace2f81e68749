namespace Pricer.Core.Pricers.Csv;

/// <summary>Reads through to an inner stream and refuses to go past a byte limit (for streams of unknown length).</summary>
internal sealed class LimitedStream(Stream inner, long limit, string fileName) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        _read += n;
        if (_read > limit) throw new PredictionFileException(fileName, [$"the file is over the {limit:N0}-byte limit"]);
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
