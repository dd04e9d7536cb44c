using System.Diagnostics;
using System.Globalization;
using System.Text;
using FitPilot.Functions.Images;
using FitPilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FitPilot.Tests.Photos;

/// <summary>
/// Benchmark, not a timed test: one 12-megapixel phone JPEG (EXIF orientation 6 and GPS) → the normalised
/// photo (long edge 2,048) and the 320 px thumbnail, by <see cref="PhotoPipeline"/> in process and by
/// ImageMagick's <c>convert -auto-orient -strip -resize 2048x2048&gt;</c> (+ thumbnail) on the same file in
/// the same run; median time and peak memory per photo over several runs. Installs Debian's imagemagick
/// with apt when no real ImageMagick is found (a <c>convert</c> may be something else); says so and skips
/// that column if it cannot. Prints and writes TestResults/benchmarks/photo-pipeline.md.
/// </summary>
public sealed class PhotoPipelineBenchmark(ITestOutputHelper output)
{
    private const int Runs = 7;

    [Fact]
    public async Task Photo_pipeline_next_to_ImageMagick()
    {
        var work = Directory.CreateTempSubdirectory("fitpilot-photo-bench-").FullName;
        try
        {
            var input = Path.Combine(work, "phone.jpg");
            await File.WriteAllBytesAsync(input, TestImages.WithExif(TestImages.Jpeg(4000, 3000, quality: 92, noise: true), orientation: 6, gps: true));
            var inputBytes = new FileInfo(input).Length;

            // FitPilot: read the file, process, write both JPEGs (what the trigger does, storage aside).
            var ours = new List<(double Ms, long PeakKb)>();
            PhotoPipeline.Processed? last = null;
            for (var run = 0; run <= Runs; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var baseline = ResetPeak();
                var watch = Stopwatch.StartNew();
                var (photo, refusal) = PhotoPipeline.Process(await File.ReadAllBytesAsync(input));
                Assert.Null(refusal);
                await File.WriteAllBytesAsync(Path.Combine(work, "ours.jpg"), photo!.Photo);
                await File.WriteAllBytesAsync(Path.Combine(work, "ours.thumb.jpg"), photo.Thumbnail);
                watch.Stop();
                var peak = Status("VmHWM");
                if (run > 0) ours.Add((watch.Elapsed.TotalMilliseconds, baseline is null || peak is null ? -1 : peak.Value - baseline.Value)); // run 0 warms up (JIT)
                last = photo;
            }
            Assert.Equal((1536, 2048), (last!.Width, last.Height));

            var report = new StringBuilder()
                .AppendLine("# Progress photo pipeline")
                .AppendLine()
                .AppendLine($"One 4000 × 3000 JPEG ({inputBytes / 1024.0 / 1024:0.0} MB, EXIF orientation 6 + GPS) → normalised JPEG (2048 long edge, quality 85) + thumbnail (320, quality 80), " +
                            $"files read and written; median of {Runs} runs after a warm-up, {Environment.ProcessorCount} cores. Written by `{nameof(PhotoPipelineBenchmark)}`.")
                .AppendLine()
                .AppendLine("| pipeline | median ms | min ms | peak memory per photo |")
                .AppendLine("| --- | ---: | ---: | ---: |")
                .AppendLine($"| FitPilot `PhotoPipeline` (SkiaSharp, in process, 1 thread) | {Median(ours.Select(o => o.Ms)):0} | {ours.Min(o => o.Ms):0} | " +
                            (ours.All(o => o.PeakKb >= 0) ? $"{Median(ours.Select(o => (double)o.PeakKb)) / 1024:0} MB above the process's resident set |" : "n/a (no /proc/self/clear_refs) |"));

            var magick = await FindImageMagickAsync(report);
            if (magick is not null)
            {
                var theirs = new List<(double Ms, long PeakKb)>();
                for (var run = 0; run <= Runs; run++)
                {
                    var result = await RunAsync("python3", "-c",
                        "import resource,subprocess,sys,time\nt=time.perf_counter()\nr=subprocess.run(sys.argv[1:])\n" +
                        "print(r.returncode, (time.perf_counter()-t)*1000, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
                        magick.Value.Path, input, "-auto-orient", "-strip", "-resize", "2048x2048>", "-quality", "85", "-write", Path.Combine(work, "im.jpg"),
                        "-resize", "320x320>", "-quality", "80", Path.Combine(work, "im.thumb.jpg"));
                    var parts = result.Trim().Split('\n')[0].Trim().Split(' ');
                    Assert.True(parts[0] == "0", "ImageMagick failed: " + result);
                    if (run > 0) theirs.Add((double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture)));
                }
                report.AppendLine($"| ImageMagick `{Path.GetFileName(magick.Value.Path)} -auto-orient -strip -resize 2048x2048>` + `-resize 320x320>` (one process, {magick.Value.Version}) | " +
                                  $"{Median(theirs.Select(t => t.Ms)):0} | {theirs.Min(t => t.Ms):0} | {Median(theirs.Select(t => (double)t.PeakKb)) / 1024:0} MB (the process's whole peak) |");
                report.AppendLine().AppendLine($"FitPilot / ImageMagick median time: {Median(ours.Select(o => o.Ms)) / Median(theirs.Select(t => t.Ms)):0.00}×. " +
                                               "ImageMagick's time includes starting its process (a few ms); it turns the full 12 MP image before resizing, FitPilot resizes first and turns 3 MP.");
            }
            output.WriteLine(report.ToString());
            await File.WriteAllTextAsync(Path.Combine(TestPaths.Results("benchmarks"), "photo-pipeline.md"), report.ToString());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A real ImageMagick (not a stand-in named convert), installed with apt when missing and possible; null with the reason in the report.</summary>
    private async Task<(string Path, string Version)?> FindImageMagickAsync(StringBuilder report)
    {
        async Task<(string, string)?> Find()
        {
            foreach (var candidate in new[] { "/usr/bin/convert", "/usr/bin/magick", "/usr/local/bin/magick", "convert", "magick" })
            {
                var version = await TryRunAsync(candidate, "-version");
                // ImageMagick's own first line, not a word in a stand-in's message.
                if (version?.StartsWith("Version: ImageMagick ", StringComparison.Ordinal) == true)
                    return (candidate, version.Split('\n')[0].Replace("Version: ", "").Split(" https")[0].Trim());
            }
            return null;
        }
        if (await Find() is { } found) return found;
        output.WriteLine("No ImageMagick found: installing Debian's imagemagick with apt.");
        var asRoot = Environment.UserName == "root";
        await TryRunAsync(asRoot ? "apt-get" : "sudo", asRoot ? ["install", "-y", "--no-install-recommends", "imagemagick"] : ["-n", "apt-get", "install", "-y", "--no-install-recommends", "imagemagick"], TimeSpan.FromMinutes(5));
        if (await Find() is { } installed) return installed;
        var message = "ImageMagick: skipped — no real ImageMagick here and `apt-get install imagemagick` did not work (no apt, no root, or no network).";
        output.WriteLine(message);
        report.AppendLine().AppendLine(message);
        return null;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Resets this process's peak resident set (Linux: 5 → /proc/self/clear_refs) and returns the current one, in KB; null where that is not possible.</summary>
    private static long? ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        return Status("VmRSS");
    }

    private static long? Status(string field) =>
        File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
                .Select(l => long.Parse(l.Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0], CultureInfo.InvariantCulture)).Cast<long?>().FirstOrDefault()
            : null;

    private static async Task<string> RunAsync(string file, params string[] args) =>
        await TryRunAsync(file, args, TimeSpan.FromMinutes(2)) ?? throw new InvalidOperationException($"{file} did not run");

    private static Task<string?> TryRunAsync(string file, params string[] args) => TryRunAsync(file, args, TimeSpan.FromSeconds(30));

    private static async Task<string?> TryRunAsync(string file, string[] args, TimeSpan timeout)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(cts.Token);
            return await stdout + await stderr;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return null;
        }
    }
}
