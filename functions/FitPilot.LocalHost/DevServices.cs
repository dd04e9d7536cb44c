using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace FitPilot.LocalHost;

/// <summary>
/// Azurite (npm, pinned in package.json) and smtp4dev (dotnet tool manifest), on 127.0.0.1 only.
/// Each is started only when its ports are not already answering, and what was started here is
/// stopped on dispose. A watchdog ends them within a second if this process dies without disposing.
/// </summary>
public sealed class DevServices : IAsyncDisposable
{
    public sealed record Ports(int Blob = 10000, int Queue = 10001, int Table = 10002, int Smtp = 2525, int Mailbox = 5000);

    /// <summary>Azurite's well-known development account key (public, documented by Microsoft).</summary>
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly List<Process> _owned = [];
    private readonly ILogger _log;

    public Ports Used { get; }
    public string StorageConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{Used.Blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{Used.Queue}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{Used.Table}/devstoreaccount1;";
    public string MailboxUrl => $"http://127.0.0.1:{Used.Mailbox}";

    private DevServices(Ports ports, ILogger log) => (Used, _log) = (ports, log);

    public static async Task<DevServices> StartAsync(string repoRoot, Ports ports, string dataDirectory, ILogger log, CancellationToken ct)
    {
        var services = new DevServices(ports, log);
        try
        {
            await services.EnsureAzuriteAsync(repoRoot, dataDirectory, ct);
            await services.EnsureSmtp4devAsync(repoRoot, ct);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureAzuriteAsync(string repoRoot, string dataDirectory, CancellationToken ct)
    {
        if (await IsListeningAsync(Used.Blob) && await IsListeningAsync(Used.Queue) && await IsListeningAsync(Used.Table))
        {
            _log.LogInformation("Azurite is already running on ports {Blob}/{Queue}/{Table}", Used.Blob, Used.Queue, Used.Table);
            return;
        }
        var script = Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
            await InstallAsync(repoRoot, "npm ci (Azurite, pinned in package-lock.json)", () => File.Exists(script), ct, "npm", "ci", "--no-audit", "--no-fund");
        Directory.CreateDirectory(dataDirectory);
        Start("azurite", repoRoot, "node", script, "--silent", "--location", dataDirectory, "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Used.Blob.ToString(), "--queueHost", "127.0.0.1", "--queuePort", Used.Queue.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", Used.Table.ToString());
        await WaitAsync("Azurite", async () => await IsListeningAsync(Used.Blob) && await IsListeningAsync(Used.Queue) && await IsListeningAsync(Used.Table), ct);
    }

    private async Task EnsureSmtp4devAsync(string repoRoot, CancellationToken ct)
    {
        if (await IsListeningAsync(Used.Smtp) && await IsListeningAsync(Used.Mailbox))
        {
            _log.LogInformation("smtp4dev is already running on ports {Smtp}/{Mailbox}", Used.Smtp, Used.Mailbox);
            return;
        }
        await InstallAsync(repoRoot, "dotnet tool restore (smtp4dev, pinned in .config/dotnet-tools.json)", () => false, ct, "dotnet", "tool", "restore");
        Start("smtp4dev", repoRoot, "dotnet", "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{Used.Mailbox}", $"--smtpport={Used.Smtp}",
            "--bindaddress=127.0.0.1", "--disableipv6", "--imapport=", "--pop3port=", "--db=", "--nousersettings",
            // Every recipient into one mailbox: the default pattern "*" does not match addresses with a '/' (legal, and FitPilot sends to them).
            "--mailbox=Default=**");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await WaitAsync("smtp4dev", async () =>
        {
            if (!await IsListeningAsync(Used.Smtp)) return false;
            try { return (await http.GetAsync($"{MailboxUrl}/api/messages", ct)).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { return false; }
        }, ct);
    }

    /// <summary>
    /// Installs a dev service from the project's own manifests, once, under a lock file so that a
    /// run and a test run (or two test hosts) starting together do not install over each other.
    /// </summary>
    private async Task InstallAsync(string repoRoot, string what, Func<bool> done, CancellationToken ct, string command, params string[] arguments)
    {
        Directory.CreateDirectory(Path.Combine(repoRoot, ".fitpilot"));
        var lockPath = Path.Combine(repoRoot, ".fitpilot", "install.lock");
        FileStream? held = null;
        for (var attempt = 0; held is null; attempt++)
        {
            try { held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (attempt < 600) { await Task.Delay(500, ct); }
        }
        await using (held)
        {
            if (done()) return;
            _log.LogInformation("Installing: {What}", what);
            var info = new ProcessStartInfo(command) { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in arguments) info.ArgumentList.Add(a);
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not run {command}.");
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{what} failed (exit {process.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    /// <summary>Starts a service under a bash watchdog that ends it when this process goes away.</summary>
    private void Start(string name, string workingDirectory, params string[] command)
    {
        var quoted = string.Join(' ', command.Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var script = $"{quoted} & child=$!; trap 'kill $child 2>/dev/null; exit 0' TERM INT; " +
                     $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; kill $child 2>/dev/null; wait $child";
        var info = new ProcessStartInfo("/bin/bash") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _log.LogDebug("[{Name}] {Line}", name, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _log.LogDebug("[{Name}] {Line}", name, e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _owned.Add(process);
        _log.LogInformation("Started {Name} (pid {Pid})", name, process.Id);
    }

    private async Task WaitAsync(string name, Func<Task<bool>> ready, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await ready()) return;
            if (_owned.Count > 0 && _owned[^1].HasExited)
                throw new InvalidOperationException($"{name} exited at start (code {_owned[^1].ExitCode}). Is the port taken?");
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"{name} did not start within 60 s.");
    }

    public static async Task<bool> IsListeningAsync(int port)
    {
        using var socket = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await socket.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A free loopback port (for tests that need their own instances).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _owned)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                _log.LogWarning("Could not stop pid {Pid}: {Message}", process.Id, e.Message);
            }
            process.Dispose();
        }
        _owned.Clear();
    }
}
