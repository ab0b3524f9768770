using System.Runtime.InteropServices;

namespace GradientLab.Cli;

/// <summary>
/// Turns an SVG into a PNG with the machine's librsvg and cairo (Debian: librsvg2-2, libcairo2), called directly.
/// A missing library is a <see cref="UsageException"/> that says what to install, never a crash.
/// </summary>
internal static partial class SvgRasterizer
{
    private const string Rsvg = "librsvg-2.so.2";
    private const string Cairo = "libcairo.so.2";
    private const string GObject = "libgobject-2.0.so.0";
    private const int Argb32 = 0;

    /// <summary>Writes <paramref name="svg"/> (of <paramref name="width"/> × <paramref name="height"/> pixels) as a PNG at <paramref name="scale"/> × that size.</summary>
    public static void WritePng(string svg, int width, int height, string path, double scale = 2)
    {
        try
        {
            Render(svg, width, height, path, scale);
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new UsageException($"PNG output needs librsvg and cairo ({error.Message.Split('\n')[0]}). Install them (Debian/Ubuntu: apt-get install librsvg2-2 libcairo2), or write an .svg file instead.");
        }
    }

    private static void Render(string svg, int width, int height, string path, double scale)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(svg);
        var handle = rsvg_handle_new_from_data(bytes, (nuint)bytes.Length, out var error);
        if (handle == IntPtr.Zero || error != IntPtr.Zero)
        {
            throw new InvalidOperationException("librsvg could not read the figure's SVG.");
        }

        var surface = cairo_image_surface_create(Argb32, (int)Math.Ceiling(width * scale), (int)Math.Ceiling(height * scale));
        var cairo = cairo_create(surface);
        try
        {
            cairo_scale(cairo, scale, scale);
            if (rsvg_handle_render_cairo(handle, cairo) == 0)
            {
                throw new InvalidOperationException("librsvg could not draw the figure.");
            }

            var status = cairo_surface_write_to_png(surface, path);
            if (status != 0)
            {
                throw new IOException($"cairo could not write {path} (status {status}).");
            }
        }
        finally
        {
            cairo_destroy(cairo);
            cairo_surface_destroy(surface);
            g_object_unref(handle);
        }
    }

    [LibraryImport(Rsvg)]
    private static partial IntPtr rsvg_handle_new_from_data(byte[] data, nuint length, out IntPtr error);

    [LibraryImport(Rsvg)]
    private static partial int rsvg_handle_render_cairo(IntPtr handle, IntPtr cairo);

    [LibraryImport(GObject)]
    private static partial void g_object_unref(IntPtr instance);

    [LibraryImport(Cairo)]
    private static partial IntPtr cairo_image_surface_create(int format, int width, int height);

    [LibraryImport(Cairo)]
    private static partial IntPtr cairo_create(IntPtr surface);

    [LibraryImport(Cairo)]
    private static partial void cairo_scale(IntPtr cairo, double x, double y);

    [LibraryImport(Cairo, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int cairo_surface_write_to_png(IntPtr surface, string path);

    [LibraryImport(Cairo)]
    private static partial void cairo_destroy(IntPtr cairo);

    [LibraryImport(Cairo)]
    private static partial void cairo_surface_destroy(IntPtr surface);
}
