using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace GradientLab.Cli;

/// <summary>
/// Writes an animated GIF one frame at a time, so memory holds a frame or two whatever the length. Every frame is
/// mapped to one shared palette (nearest colour, no dithering: what does not move stays the same from frame to frame),
/// and only the rectangle that changed since the previous frame is stored, its unchanged pixels transparent, over the
/// previous frame left in place. ImageSharp compresses each such rectangle as a one-frame GIF; this class moves that
/// image block into the animation behind its own graphic control extension (delay, transparency). The animation loops
/// forever (the NETSCAPE2.0 extension, count 0).
/// </summary>
internal sealed class AnimatedGif
{
    /// <summary>Colours of the shared palette; one more entry of the colour table is the transparent key.</summary>
    public const int PaletteSize = 255;

    private static readonly QuantizerOptions NoDither = new() { Dither = null, MaxColors = 256 };

    private readonly Stream _output;
    private readonly int _width;
    private readonly int _height;
    private readonly Rgba32[] _palette;
    private readonly Rgba32 _key;
    private readonly GifEncoder _encoder;
    private readonly Dictionary<Rgba32, Rgba32> _nearest = [];
    private Rgba32[] _shown;
    private Rgba32[] _next;
    private byte[]? _globalTable;

    /// <summary>An animation of <paramref name="width"/> × <paramref name="height"/> frames into <paramref name="output"/>, in the colours of <paramref name="palette"/> (at most <see cref="PaletteSize"/>).</summary>
    public AnimatedGif(Stream output, int width, int height, IReadOnlyList<Color> palette)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(palette);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfZero(palette.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(palette.Count, PaletteSize);
        _output = output;
        _width = width;
        _height = height;
        _palette = [.. palette.Select(c => c.ToPixel<Rgba32>() with { A = 255 })];
        var colors = _palette.ToHashSet();
        _key = Enumerable.Range(0, 256).Select(g => new Rgba32(255, (byte)g, 255)).First(c => !colors.Contains(c));
        _encoder = new GifEncoder { ColorTableMode = GifColorTableMode.Global, Quantizer = new PaletteQuantizer(palette.Append(new Color(_key)).ToArray(), NoDither) };
        _shown = new Rgba32[width * height];
        _next = new Rgba32[width * height];
    }

    /// <summary>Frames written so far.</summary>
    public int FrameCount { get; private set; }

    /// <summary>
    /// Writes an animation of <paramref name="count"/> frames, frame i drawn by <paramref name="render"/>(i), each shown
    /// <paramref name="delayCentiseconds"/> and the last <paramref name="lastDelayCentiseconds"/>. The palette comes from
    /// the first and the last frame (the start and the whole path); three frames are in memory at most: those two and the one being written.
    /// </summary>
    public static void Write(Stream output, int count, Func<int, SKBitmap> render, int delayCentiseconds, int lastDelayCentiseconds)
    {
        ArgumentNullException.ThrowIfNull(render);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var first = render(0);
        using var last = count > 1 ? render(count - 1) : null;
        var gif = new AnimatedGif(output, first.Width, first.Height, Palette(last is null ? [first] : [first, last]));
        gif.Add(first, count == 1 ? lastDelayCentiseconds : delayCentiseconds);
        for (var i = 1; i < count - 1; i++)
        {
            using var frame = render(i);
            gif.Add(frame, delayCentiseconds);
        }

        if (last is not null)
        {
            gif.Add(last, lastDelayCentiseconds);
        }

        gif.Finish();
    }

    /// <summary>Up to <see cref="PaletteSize"/> colours that serve all of <paramref name="samples"/> (frames of the same size), by Wu's quantiser.</summary>
    public static Color[] Palette(IReadOnlyList<SKBitmap> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var width = samples[0].Width;
        var stacked = new byte[samples.Sum(s => s.Width * s.Height * 4)];
        var offset = 0;
        foreach (var sample in samples)
        {
            if (sample.Width != width)
            {
                throw new ArgumentException("The sample frames differ in width.", nameof(samples));
            }

            Pixels(sample).CopyTo(stacked.AsSpan(offset));
            offset += sample.Width * sample.Height * 4;
        }

        using var image = Image.LoadPixelData<Rgba32>(stacked, width, stacked.Length / 4 / width);
        using var quantizer = new WuQuantizer(new QuantizerOptions { Dither = null, MaxColors = PaletteSize }).CreatePixelSpecificQuantizer<Rgba32>(Configuration.Default);
        using var indexed = quantizer.BuildPaletteAndQuantizeFrame(image.Frames.RootFrame, image.Bounds());
        return [.. indexed.Palette.ToArray().Select(pixel => new Color(pixel))];
    }

    /// <summary>Adds <paramref name="frame"/> (RGBA, the animation's size), shown for <paramref name="delayCentiseconds"/> hundredths of a second.</summary>
    public void Add(SKBitmap frame, int delayCentiseconds)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNotEqual(frame.Width, _width);
        ArgumentOutOfRangeException.ThrowIfNotEqual(frame.Height, _height);
        ArgumentOutOfRangeException.ThrowIfLessThan(delayCentiseconds, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delayCentiseconds, ushort.MaxValue);

        // The frame in the palette's colours, and the rectangle in which it differs from what is shown.
        var pixels = MemoryMarshal.Cast<byte, Rgba32>(Pixels(frame));
        for (var i = 0; i < pixels.Length; i++)
        {
            _next[i] = Nearest(pixels[i]);
        }

        var first = FrameCount == 0;
        var (left, top, right, bottom) = first ? (0, 0, _width, _height) : Changed();
        var (width, height) = (right - left, bottom - top);
        var region = new Rgba32[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = ((top + y) * _width) + left + x;
                region[(y * width) + x] = first || _next[at] != _shown[at] ? _next[at] : _key;
            }
        }

        (_shown, _next) = (_next, _shown);

        using var single = new MemoryStream();
        using (var image = Image.LoadPixelData<Rgba32>(region, width, height))
        {
            image.SaveAsGif(single, _encoder);
        }

        var gif = single.GetBuffer().AsSpan(0, (int)single.Length);
        var block = OneFrame.Read(gif);
        if (_globalTable is null)
        {
            // The screen descriptor, with the first frame's colour table as the global one (the palette all frames share).
            _output.Write("GIF89a"u8);
            _output.Write([(byte)(_width & 0xFF), (byte)(_width >> 8), (byte)(_height & 0xFF), (byte)(_height >> 8), (byte)(0xF0 | block.TableBits), 0x00, 0x00]);
            _output.Write(block.Table);
            _globalTable = block.Table.ToArray();
            _output.Write([0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 0x03, 0x01, 0x00, 0x00, 0x00]);
        }

        // Graphic control: leave the frame in place (disposal 1) under the next, the delay, the key colour transparent.
        var key = KeyIndex(block.Table);
        var transparent = !first && key >= 0;
        _output.Write([0x21, 0xF9, 0x04, (byte)(0x04 | (transparent ? 0x01 : 0x00)), (byte)(delayCentiseconds & 0xFF), (byte)(delayCentiseconds >> 8), (byte)(transparent ? key : 0), 0x00]);
        var descriptor = block.Descriptor.ToArray();
        BitConverter.TryWriteBytes(descriptor.AsSpan(1, 2), (ushort)left);
        BitConverter.TryWriteBytes(descriptor.AsSpan(3, 2), (ushort)top);
        var ownTable = !block.Table.SequenceEqual(_globalTable);
        if (ownTable)
        {
            descriptor[9] = (byte)(0x80 | (descriptor[9] & 0x40) | block.TableBits);
        }

        _output.Write(descriptor);
        if (ownTable)
        {
            _output.Write(block.Table);
        }

        _output.Write(block.Data);
        FrameCount++;
    }

    /// <summary>The palette colour nearest to <paramref name="pixel"/> (opaque; remembered, figures have few distinct colours).</summary>
    private Rgba32 Nearest(Rgba32 pixel)
    {
        if (_nearest.TryGetValue(pixel, out var known))
        {
            return known;
        }

        var best = _palette[0];
        var distance = int.MaxValue;
        foreach (var color in _palette)
        {
            var (r, g, b) = (color.R - pixel.R, color.G - pixel.G, color.B - pixel.B);
            var d = (r * r) + (g * g) + (b * b);
            if (d < distance)
            {
                (best, distance) = (color, d);
            }
        }

        _nearest[pixel] = best;
        return best;
    }

    /// <summary>The smallest rectangle (left, top, right, bottom: exclusive) holding every pixel that changes; one pixel when none does.</summary>
    private (int Left, int Top, int Right, int Bottom) Changed()
    {
        var (left, top, right, bottom) = (_width, _height, 0, 0);
        for (var y = 0; y < _height; y++)
        {
            var row = y * _width;
            var next = _next.AsSpan(row, _width);
            var shown = _shown.AsSpan(row, _width);
            var from = next.CommonPrefixLength(shown);
            if (from == _width)
            {
                continue;
            }

            var to = _width;
            while (next[to - 1] == shown[to - 1])
            {
                to--;
            }

            (left, right) = (Math.Min(left, from), Math.Max(right, to));
            (top, bottom) = (Math.Min(top, y), y + 1);
        }

        return right == 0 ? (0, 0, 1, 1) : (left, top, right, bottom);
    }

    /// <summary>Where the key colour stands in a colour table, or −1.</summary>
    private int KeyIndex(ReadOnlySpan<byte> table)
    {
        for (var i = 0; i + 2 < table.Length; i += 3)
        {
            if (table[i] == _key.R && table[i + 1] == _key.G && table[i + 2] == _key.B)
            {
                return i / 3;
            }
        }

        return -1;
    }

    /// <summary>Ends the file (after at least one frame).</summary>
    public void Finish()
    {
        if (FrameCount == 0)
        {
            throw new InvalidOperationException("An animated GIF needs at least one frame.");
        }

        _output.WriteByte(0x3B);
        _output.Flush();
    }

    private static ReadOnlySpan<byte> Pixels(SKBitmap bitmap)
    {
        if (bitmap.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException("Frames are RGBA, 8 bits a channel.", nameof(bitmap));
        }

        return bitmap.GetPixelSpan();
    }

    /// <summary>The parts of a one-frame GIF (as ImageSharp writes it) that an animation reuses.</summary>
    private readonly ref struct OneFrame
    {
        /// <summary>The colour table (global, or the frame's own), 3 bytes a colour.</summary>
        public ReadOnlySpan<byte> Table { get; init; }

        /// <summary>The table's size as the descriptors write it: 2^(bits + 1) colours.</summary>
        public int TableBits { get; init; }

        /// <summary>The image descriptor: 0x2C, position, size, flags.</summary>
        public ReadOnlySpan<byte> Descriptor { get; init; }

        /// <summary>The LZW minimum code size and the compressed data's sub-blocks, up to and with the terminator.</summary>
        public ReadOnlySpan<byte> Data { get; init; }

        public static OneFrame Read(ReadOnlySpan<byte> gif)
        {
            if (gif.Length < 13 || !gif[..6].SequenceEqual("GIF89a"u8) && !gif[..6].SequenceEqual("GIF87a"u8))
            {
                throw new InvalidDataException("ImageSharp did not write a GIF.");
            }

            var position = 13;
            var table = ReadOnlySpan<byte>.Empty;
            var bits = 0;
            if ((gif[10] & 0x80) != 0)
            {
                bits = gif[10] & 0x07;
                table = gif.Slice(position, 3 << (bits + 1));
                position += table.Length;
            }

            while (position < gif.Length)
            {
                switch (gif[position])
                {
                    case 0x21: // an extension: its label, then sub-blocks
                        position = SkipSubBlocks(gif, position + 2);
                        break;
                    case 0x2C:
                        var descriptor = gif.Slice(position, 10);
                        position += 10;
                        if ((descriptor[9] & 0x80) != 0)
                        {
                            bits = descriptor[9] & 0x07;
                            table = gif.Slice(position, 3 << (bits + 1));
                            position += table.Length;
                        }

                        var start = position;
                        var end = SkipSubBlocks(gif, position + 1);
                        return new OneFrame { Table = table, TableBits = bits, Descriptor = descriptor, Data = gif[start..end] };
                    default:
                        throw new InvalidDataException($"Unexpected GIF block 0x{gif[position]:X2} at byte {position}.");
                }
            }

            throw new InvalidDataException("ImageSharp wrote a GIF without an image.");
        }

        private static int SkipSubBlocks(ReadOnlySpan<byte> gif, int position)
        {
            while (gif[position] != 0)
            {
                position += gif[position] + 1;
            }

            return position + 1;
        }
    }
}
