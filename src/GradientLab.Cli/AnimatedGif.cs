using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;
using SkiaSharp;

namespace GradientLab.Cli;

/// <summary>
/// Writes an animated GIF one frame at a time, so memory holds one frame whatever the length. ImageSharp quantises
/// each of our rendered frames to one shared palette (no dithering: flat colours stay flat from frame to frame) and
/// compresses it as a one-frame GIF; this class moves that frame's image block into the animation behind its own
/// graphic control extension (the delay). The animation loops forever (the NETSCAPE2.0 extension, count 0).
/// </summary>
internal sealed class AnimatedGif
{
    private static readonly QuantizerOptions NoDither = new() { Dither = null, MaxColors = 256 };

    private readonly Stream _output;
    private readonly int _width;
    private readonly int _height;
    private readonly GifEncoder _encoder;
    private byte[]? _globalTable;

    /// <summary>An animation of <paramref name="width"/> × <paramref name="height"/> frames into <paramref name="output"/>, in the colours of <paramref name="palette"/>.</summary>
    public AnimatedGif(Stream output, int width, int height, ReadOnlyMemory<Color> palette)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, ushort.MaxValue);
        _output = output;
        _width = width;
        _height = height;
        _encoder = new GifEncoder { ColorTableMode = GifColorTableMode.Global, Quantizer = new PaletteQuantizer(palette, NoDither) };
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

    /// <summary>Up to 256 colours that serve all of <paramref name="samples"/> (frames of the same size), by Wu's quantiser.</summary>
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
        using var quantizer = new WuQuantizer(NoDither).CreatePixelSpecificQuantizer<Rgba32>(Configuration.Default);
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

        using var single = new MemoryStream();
        using (var image = Image.LoadPixelData<Rgba32>(Pixels(frame), _width, _height))
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

        // Graphic control: leave the frame in place (disposal 1), no transparency, the delay.
        _output.Write([0x21, 0xF9, 0x04, 0x04, (byte)(delayCentiseconds & 0xFF), (byte)(delayCentiseconds >> 8), 0x00, 0x00]);
        var descriptor = block.Descriptor.ToArray();
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
