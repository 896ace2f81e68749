using System.Buffers;

namespace Pricer.Core.Items.Import;

/// <summary>
/// Splits a stream into lines of UTF-8 bytes without decoding them, so JSON can be parsed straight from the
/// buffer. A line longer than the limit is skipped without being buffered and reported as too long.
/// </summary>
internal sealed class Utf8LineReader(Stream stream, int maxLineBytes) : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int _start;
    private int _scanned;
    private int _end;
    private bool _endOfStream;
    private bool _skippingLongLine;

    /// <summary>The current line without its line ending; valid until the next read.</summary>
    public ReadOnlyMemory<byte> Line { get; private set; }

    public long LineNumber { get; private set; }

    /// <summary>The current line was over the limit; <see cref="Line"/> is empty.</summary>
    public bool LineTooLong { get; private set; }

    public async ValueTask<bool> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = _scanned + newline;
                SetLine(_start, lineEnd);
                _start = _scanned = lineEnd + 1;
                return true;
            }
            _scanned = _end;
            if (_endOfStream)
            {
                if (_start == _end && !_skippingLongLine) return false;
                SetLine(_start, _end);
                _start = _scanned = _end;
                return true;
            }
            MakeRoom();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0) _endOfStream = true;
            _end += read;
        }
    }

    private void SetLine(int start, int end)
    {
        LineNumber++;
        LineTooLong = _skippingLongLine;
        _skippingLongLine = false;
        if (LineTooLong)
        {
            Line = ReadOnlyMemory<byte>.Empty;
            return;
        }
        if (end > start && _buffer[end - 1] == (byte)'\r') end--;
        if (LineNumber == 1 && _buffer.AsSpan(start, end - start).StartsWith(Utf8Bom)) start += Utf8Bom.Length;
        Line = _buffer.AsMemory(start, end - start);
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _scanned -= _start;
            _start = 0;
        }
        if (_end < _buffer.Length) return;
        if (_buffer.Length >= maxLineBytes)
        {
            // Drop what is buffered of the overlong line and keep scanning for its end.
            _skippingLongLine = true;
            _start = _scanned = _end = 0;
            return;
        }
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, maxLineBytes));
        Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
