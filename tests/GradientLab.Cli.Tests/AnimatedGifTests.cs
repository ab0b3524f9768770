using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace GradientLab.Cli.Tests;

/// <summary>The GIF writer: shared palette, only what changed stored, frames intact once decoded.</summary>
public sealed class AnimatedGifTests
{
    /// <summary>A frame of flat colours: white, a grey bar along the top, and a red square at <paramref name="x"/>.</summary>
    private static SKBitmap Square(int x)
    {
        var bitmap = new SKBitmap(new SKImageInfo(120, 80, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var grey = new SKPaint { Color = new SKColor(0x44, 0x44, 0x44) };
        using var red = new SKPaint { Color = new SKColor(0xD6, 0x27, 0x28) };
        canvas.DrawRect(0, 0, 120, 10, grey);
        canvas.DrawRect(x, 40, 20, 20, red);
        return bitmap;
    }

    private static byte[] Write(int[] positions, int delay = 10, int lastDelay = 200)
    {
        using var stream = new MemoryStream();
        AnimatedGif.Write(stream, positions.Length, i => Square(positions[i]), delay, lastDelay);
        return stream.ToArray();
    }

    [Fact]
    public void EveryFrame_DecodesToWhatWasDrawn()
    {
        int[] positions = [0, 10, 10, 50, 100];
        using var gif = Image.Load<Rgba32>(Write(positions));
        gif.Frames.Count.ShouldBe(positions.Length);
        for (var i = 0; i < positions.Length; i++)
        {
            using var expected = Square(positions[i]);
            using var frame = gif.Frames.CloneFrame(i);
            for (var y = 0; y < 80; y++)
            {
                for (var x = 0; x < 120; x++)
                {
                    var want = expected.GetPixel(x, y);
                    frame[x, y].ShouldBe(new Rgba32(want.Red, want.Green, want.Blue, 255), $"frame {i} at ({x}, {y})");
                }
            }
        }
    }

    [Fact]
    public void AFrame_StoresOnlyTheRectangleThatChanged_OverThePreviousOne()
    {
        var frames = GifBlocks.Frames(Write([0, 10, 10, 50]));
        frames.Count.ShouldBe(4);

        // The first frame is whole and opaque; the next ones leave the previous frame in place and store what moved.
        frames[0].ShouldBe(new GifBlocks.Frame(0, 0, 120, 80, Delay: 10, Disposal: 1, Transparent: false));
        frames[1].ShouldBe(new GifBlocks.Frame(0, 40, 30, 20, Delay: 10, Disposal: 1, Transparent: true));
        frames[2].ShouldBe(new GifBlocks.Frame(0, 0, 1, 1, Delay: 10, Disposal: 1, Transparent: true)); // nothing moved
        frames[3].ShouldBe(new GifBlocks.Frame(10, 40, 60, 20, Delay: 200, Disposal: 1, Transparent: true));
    }

    [Fact]
    public void TheAnimation_LoopsForever_WithOneGlobalPalette()
    {
        var gif = Write([0, 20, 40]);
        gif.AsSpan(0, 6).ToArray().ShouldBe("GIF89a"u8.ToArray());
        (gif[10] & 0x80).ShouldBe(0x80); // a global colour table
        byte[] loop = [0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 0x03, 0x01, 0x00, 0x00, 0x00];
        gif.AsSpan().IndexOf(loop).ShouldBeGreaterThan(0);
        gif[^1].ShouldBe((byte)0x3B);
        using var image = Image.Load<Rgba32>(gif);
        image.Metadata.GetGifMetadata().RepeatCount.ShouldBe((ushort)0);
    }

    [Fact]
    public void OneFrame_IsAStillImage()
    {
        var frames = GifBlocks.Frames(Write([30], delay: 10, lastDelay: 200));
        frames.ShouldBe([new GifBlocks.Frame(0, 0, 120, 80, Delay: 200, Disposal: 1, Transparent: false)]);
    }
}

/// <summary>The frames of a GIF as its blocks say (graphic control extension, then image descriptor), read in the tests.</summary>
internal static class GifBlocks
{
    internal sealed record Frame(int Left, int Top, int Width, int Height, int Delay, int Disposal, bool Transparent);

    public static List<Frame> Frames(byte[] gif)
    {
        int Word(int at) => gif[at] | (gif[at + 1] << 8);
        int Skip(int at)
        {
            while (gif[at] != 0)
            {
                at += gif[at] + 1;
            }

            return at + 1;
        }

        var frames = new List<Frame>();
        var position = 13 + ((gif[10] & 0x80) != 0 ? 3 << ((gif[10] & 7) + 1) : 0);
        var (delay, disposal, transparent) = (0, 0, false);
        while (gif[position] != 0x3B)
        {
            if (gif[position] == 0x21 && gif[position + 1] == 0xF9)
            {
                (delay, disposal, transparent) = (Word(position + 4), (gif[position + 3] >> 2) & 7, (gif[position + 3] & 1) == 1);
                position = Skip(position + 2);
            }
            else if (gif[position] == 0x21)
            {
                position = Skip(position + 2);
            }
            else
            {
                gif[position].ShouldBe((byte)0x2C);
                frames.Add(new Frame(Word(position + 1), Word(position + 3), Word(position + 5), Word(position + 7), delay, disposal, transparent));
                var flags = gif[position + 9];
                position += 10 + ((flags & 0x80) != 0 ? 3 << ((flags & 7) + 1) : 0);
                position = Skip(position + 1);
            }
        }

        return frames;
    }
}
