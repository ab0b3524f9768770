using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GradientLab.Cli.Lab;

/// <summary>
/// Serves the published web lab (a folder of static files) the way any static host does: files as they are, their
/// Brotli or gzip copies to browsers that accept them, and <c>index.html</c> for app routes such as <c>/live?…</c>.
/// Nothing is computed here: the lab runs in the browser.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    /// <summary>The longest request line served: room for the longest share link (16,384 characters of query) and its path.</summary>
    public const int MaxRequestLineBytes = 20 * 1024;

    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>
    /// The policy the lab runs under: its own files only, WebAssembly compilation ('wasm-unsafe-eval'), inline styles
    /// for the figures, data and blob images for exports. No frame-ancestors: the lab may be embedded anywhere.
    /// The site's index.html carries the same policy in a meta tag, and its _headers file for hosts that read one.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Where the site answers, such as <c>http://127.0.0.1:5000/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The content types of the site's files (WebAssembly, Blazor's boot files, the web manifest).</summary>
    public static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".wasm"] = "application/wasm";
        types.Mappings[".dat"] = "application/octet-stream";
        types.Mappings[".blat"] = "application/octet-stream";
        types.Mappings[".webmanifest"] = "application/manifest+json";
        types.Mappings[".json"] = "application/json";
        types.Mappings[".js"] = "text/javascript";
        return types;
    }

    /// <summary>Starts serving <paramref name="root"/> (the folder that holds <c>index.html</c>).</summary>
    /// <param name="root">The published site's <c>wwwroot</c>.</param>
    /// <param name="host">The address to listen on; 127.0.0.1 keeps the lab on this machine.</param>
    /// <param name="port">The port, or 0 for any free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<StaticSiteServer> StartAsync(string root, string host = "127.0.0.1", int port = 0, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(root);
        if (!File.Exists(Path.Combine(folder, "index.html")))
        {
            throw new DirectoryNotFoundException($"{folder} is not a published lab: it has no index.html.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder, WebRootPath = folder });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{host}:{port}");
        // A share link may carry up to 16,384 characters after its '?' (LinkQuery.MaxLength in the web lab); Kestrel's
        // default request line of 8 KB would refuse the longer ones before the page could read them.
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestLineSize = MaxRequestLineBytes);
        var app = builder.Build();
        var files = new PhysicalFileProvider(folder);
        var types = ContentTypes();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            await next(context).ConfigureAwait(false);
        });
        app.Use((context, next) => ServeCompressed(context, next, files, types));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types });
        app.MapFallback(context => SendIndex(context, files));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticSiteServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Waits until the server stops (Ctrl+C or <paramref name="cancellationToken"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Sends <c>file.br</c> (or <c>file.gz</c>) for <c>file</c> when the browser accepts that encoding.</summary>
    private static Task ServeCompressed(HttpContext context, RequestDelegate next, PhysicalFileProvider files, FileExtensionContentTypeProvider types)
    {
        var path = context.Request.Path.Value;
        if (path is null || !HttpMethods.IsGet(context.Request.Method) || !types.TryGetContentType(path, out var contentType))
        {
            return next(context);
        }

        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            if (!accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var compressed = files.GetFileInfo(path + suffix);
            if (compressed.Exists && !compressed.IsDirectory)
            {
                context.Response.ContentType = contentType;
                context.Response.Headers.ContentEncoding = encoding;
                context.Response.Headers.Vary = "Accept-Encoding";
                context.Response.ContentLength = compressed.Length;
                return context.Response.SendFileAsync(compressed);
            }
        }

        return next(context);
    }

    private static Task SendIndex(HttpContext context, PhysicalFileProvider files)
    {
        // An app route (/live, /neuron?…) that is not a file: the lab's index.html, whose router shows the page.
        if (Path.HasExtension(context.Request.Path.Value))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        return context.Response.SendFileAsync(files.GetFileInfo("index.html"));
    }
}
