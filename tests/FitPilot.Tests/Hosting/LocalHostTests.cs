using System.Net;
using System.Text.Json;
using FitPilot.Functions.Http;
using FitPilot.LocalHost;
using FitPilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Hosting;

[Collection(HostCollection.Name)]
public sealed class LocalHostTests(HostFixture host)
{
    [Fact]
    public void The_local_hosts_routes_timers_queues_and_blob_triggers_equal_the_Worker_SDKs_functions_metadata()
    {
        var metadata = FunctionMetadata.Load().Select(e => e.Trigger switch
        {
            "httpTrigger" => $"http {e.Name} {string.Join(',', e.Methods.Order())} /api/{e.Route}",
            "timerTrigger" => $"timer {e.Name} {e.Binding.GetProperty("schedule").GetString()}",
            "queueTrigger" => $"queue {e.Name} {e.Binding.GetProperty("queueName").GetString()} {e.Binding.GetProperty("connection").GetString()}",
            "blobTrigger" => $"blob {e.Name} {e.Binding.GetProperty("path").GetString()} {e.Binding.GetProperty("connection").GetString()}",
            var other => $"unknown {e.Name} {other}",
        }).Order().ToList();

        // What the running local host actually serves and schedules.
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .Select(e => $"http {e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName} {string.Join(',', e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Order())} /{e.RoutePattern.RawText!.TrimStart('/')}");
        var timers = TimerScheduler.Timers.Select(t => $"timer {t.Name} {t.Schedule}");
        var queues = FunctionCatalog.All.OfType<FunctionCatalog.Queue>().Select(q => $"queue {q.Name} {q.QueueName} {q.Connection}");
        var blobs = FunctionCatalog.All.OfType<FunctionCatalog.Blob>().Select(b => $"blob {b.Name} {b.Path} {b.Connection}");
        var local = endpoints.Concat(timers).Concat(queues).Concat(blobs).Order().ToList();

        Assert.Equal(metadata, local);
        Assert.Contains(metadata, m => m.StartsWith("timer "));
        Assert.Contains(metadata, m => m.StartsWith("queue "));
        Assert.Contains(metadata, m => m.StartsWith("blob "));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_exactly_the_HTTP_functions()
    {
        var api = host.NewClient();
        var doc = await ApiClient.ReadAsync<JsonElement>(await api.GetAsync("/api/openapi.json"));
        Assert.Equal("3.1.0", doc.GetProperty("openapi").GetString());

        var documented = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name} {o.Value.GetProperty("operationId").GetString()}"))
            .Order().ToList();
        var functions = FunctionMetadata.Http.SelectMany(e => e.Methods.Select(m => $"{m} /api/{e.Route} {e.Name}")).Order().ToList();
        Assert.Equal(functions, documented);

        // Every schema reference resolves, and request bodies carry the contracts' field names.
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var text = doc.GetRawText();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, "#/components/schemas/(\\w+)"))
            Assert.True(schemas.TryGetProperty(m.Groups[1].Value, out _), m.Value);
        Assert.True(schemas.GetProperty("SaveExerciseRequest").GetProperty("properties").TryGetProperty("primaryMuscles", out _));
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_with_problem_details()
    {
        var api = host.NewClient();
        await ApiClient.ProblemAsync(await api.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
        // A method the route does not take is an unknown route too (as on the Azure host).
        await ApiClient.ProblemAsync(await api.SendAsync(HttpMethod.Patch, "/api/me"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_web_app_is_served_on_the_same_origin_with_an_SPA_fallback_that_never_swallows_the_API()
    {
        var api = host.NewClient();
        var deepLink = await api.GetAsync("/pt/clients/some-client-id");
        Assert.Equal(HttpStatusCode.OK, deepLink.StatusCode);
        Assert.Equal("text/html", deepLink.Content.Headers.ContentType?.MediaType);
        Assert.Contains("_framework/blazor.webassembly", await deepLink.Content.ReadAsStringAsync());
        var css = await api.GetAsync("/css/app.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        // Framework files are not rewritten to index.html when missing.
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/_framework/missing.wasm")).StatusCode);
        await ApiClient.ProblemAsync(await api.GetAsync("/api/clients/x/nothing-here"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Public_pages_are_served_prerendered_app_routes_get_the_shell_and_robots_txt_is_a_file()
    {
        var api = host.NewClient();
        foreach (var (path, heading) in new[] { ("/", "Coach more clients"), ("/login", "Log in"), ("/signup?ref=x", "Start your 7-day free trial") })
        {
            var page = await api.GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("<div id=\"app\" data-prerendered>", html);
            Assert.Contains(heading, html);
            Assert.Contains("_framework/blazor.webassembly", html); // the app still boots behind it
            Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        }
        // A signed-in route has no static version: the app shell, as before.
        Assert.DoesNotContain("data-prerendered", await (await api.GetAsync("/pt/clients")).Content.ReadAsStringAsync());
        var robots = await api.GetAsync("/robots.txt");
        Assert.Equal("text/plain", robots.Content.Headers.ContentType?.MediaType);
        Assert.Contains("User-agent: *", await robots.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Security_headers_from_staticwebapp_config_apply_to_pages_and_API_alike()
    {
        var api = host.NewClient();
        foreach (var path in new[] { "/", "/login", "/api/openapi.json", "/api/me" })
        {
            var response = await api.GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self' 'wasm-unsafe-eval'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            // Photos go straight to storage: the local host adds its Azurite origin, the deployed policy names no local address.
            var storage = host.Services.GetRequiredService<FitPilot.Functions.Storage.StorageClients>().Blobs.Uri.GetLeftPart(UriPartial.Authority);
            foreach (var directive in new[] { "img-src", "connect-src" })
                Assert.Contains(storage, csp.Split(';').Single(d => d.Trim().StartsWith(directive + " ", StringComparison.Ordinal)));
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
        }
    }

    [Fact]
    public void The_deployed_security_policy_allows_Azure_blob_storage_and_no_local_address()
    {
        var config = File.ReadAllText(Path.Combine(TestPaths.Repo, "static-web", "FitPilot.Web", "wwwroot", "staticwebapp.config.json"));
        Assert.Contains("connect-src 'self' https://*.blob.core.windows.net", config);
        Assert.DoesNotContain("127.0.0.1", config);
        Assert.DoesNotContain("localhost", config);
    }

    /// <summary>The policy allows no inline styles: a style attribute in markup is silently dropped by the browser
    /// (chart labels once piled up in a corner that way). Positions come from SVG attributes or classes instead.</summary>
    [Fact]
    public void No_markup_of_the_web_app_carries_an_inline_style()
    {
        var web = Path.Combine(TestPaths.Repo, "static-web", "FitPilot.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor") || f.EndsWith(".html"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"\sstyle\s*=|<style[\s>]"))
            .Select(f => Path.GetRelativePath(web, f));
        Assert.Empty(offenders);
    }

    [Fact]
    public async Task Every_library_exercise_names_its_start_and_end_pictures_and_they_are_served_but_not_precached()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync();
        var library = new List<Contracts.Exercises.ExerciseDto>();
        for (string? cursor = null; ;)
        {
            var page = await ApiClient.ReadAsync<Contracts.Common.Page<Contracts.Exercises.ExerciseDto>>(
                await api.GetAsync("/api/exercises?source=library&limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), pt.Token));
            library.AddRange(page.Items);
            if ((cursor = page.NextCursor) is null) break;
        }
        Assert.Equal(873, library.Count);
        foreach (var exercise in library)
        {
            Assert.Equal(2, exercise.Images.Count);
            foreach (var image in exercise.Images)
                Assert.True(File.Exists(Path.Combine(TestPaths.WebRoot, Uri.UnescapeDataString(image).TrimStart('/'))), $"{exercise.Id}: {image} is not published");
        }

        var picture = await api.GetAsync(library.Single(e => e.Id == "Barbell_Squat").Images[1]);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/webp", picture.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=", picture.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/media/exercises/No_Such_Exercise/0.webp")).StatusCode);

        // Pictures are fetched when shown, never in the first load: the service worker does not precache them.
        var assets = await File.ReadAllTextAsync(Path.Combine(TestPaths.WebRoot, "service-worker-assets.js"));
        Assert.DoesNotContain("/media/", assets);
        Assert.DoesNotContain(".webp", assets);

        var own = await ApiClient.ReadAsync<Contracts.Exercises.ExerciseDto>(await api.PostAsync("/api/exercises",
            new { name = "Sled push", category = "strength", primaryMuscles = new[] { "quadriceps" } }, pt.Token), HttpStatusCode.Created);
        Assert.Empty(own.Images);
    }

    [Fact]
    public async Task Framework_files_are_served_brotli_compressed_with_their_real_content_type()
    {
        var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var request = new HttpRequestMessage(HttpMethod.Get, "/_framework/dotnet.native.wasm");
        request.Headers.AcceptEncoding.ParseAdd("br");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
        Assert.Equal("application/wasm", response.Content.Headers.ContentType?.MediaType);
        var plain = new FileInfo(Path.Combine(TestPaths.WebRoot, "_framework", "dotnet.native.wasm")).Length;
        Assert.True(response.Content.Headers.ContentLength < plain / 2, "brotli should at least halve the runtime");
    }

    [Fact]
    public async Task The_dev_route_runs_a_timer_now_and_404s_for_an_unknown_one()
    {
        var api = host.NewClient();
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/_dev/timers/CleanUpExpiredTokens", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/_dev/timers/NoSuchTimer", null)).StatusCode);
    }
}
