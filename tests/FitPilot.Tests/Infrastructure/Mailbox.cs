using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FitPilot.Tests.Infrastructure;

/// <summary>Reads what smtp4dev received, through its REST API.</summary>
public sealed partial class Mailbox(string baseUrl)
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };

    public sealed record Message(string Id, string Subject, string Html, string Text);

    /// <summary>Waits for the newest email to <paramref name="to"/> whose subject contains <paramref name="subjectContains"/>.</summary>
    public async Task<Message> WaitForAsync(string to, string subjectContains, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var page = await _http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=500");
            var match = page.GetProperty("results").EnumerateArray()
                .Where(m => m.GetProperty("to").EnumerateArray().Any(t => SameAddress(t.GetString(), to))
                    && m.GetProperty("subject").GetString()!.Contains(subjectContains, StringComparison.Ordinal))
                .OrderByDescending(m => m.GetProperty("receivedDate").GetDateTimeOffset())
                .FirstOrDefault();
            if (match.ValueKind != JsonValueKind.Undefined)
            {
                var id = match.GetProperty("id").GetString()!;
                return new Message(id, match.GetProperty("subject").GetString()!,
                    await _http.GetStringAsync($"/api/messages/{id}/html"), await _http.GetStringAsync($"/api/messages/{id}/plaintext"));
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No email to {to} with subject containing '{subjectContains}' arrived.");
    }

    /// <summary>The raw message (RFC 5322) as smtp4dev received it, with its attachments.</summary>
    public Task<string> SourceAsync(string id) => _http.GetStringAsync($"/api/messages/{id}/raw");

    public async Task<int> CountToAsync(string to)
    {
        var page = await _http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=500");
        return page.GetProperty("results").EnumerateArray()
            .Count(m => m.GetProperty("to").EnumerateArray().Any(t => SameAddress(t.GetString(), to)));
    }

    /// <summary>How many emails to <paramref name="to"/> have a subject containing <paramref name="subjectContains"/>.</summary>
    public async Task<int> CountToAsync(string to, string subjectContains)
    {
        var page = await _http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=500");
        return page.GetProperty("results").EnumerateArray()
            .Count(m => m.GetProperty("to").EnumerateArray().Any(t => SameAddress(t.GetString(), to))
                && m.GetProperty("subject").GetString()!.Contains(subjectContains, StringComparison.Ordinal));
    }

    /// <summary>smtp4dev shows an internationalised domain in Unicode; compare addresses as FitPilot normalises them.</summary>
    private static bool SameAddress(string? shown, string expected) =>
        shown is not null && FitPilot.Contracts.Common.EmailAddresses.Normalise(shown) == FitPilot.Contracts.Common.EmailAddresses.Normalise(expected);

    /// <summary>The token of the first link in the email's plain text that has <paramref name="path"/>.</summary>
    public static string TokenFrom(Message message, string path)
    {
        var m = Regex.Match(message.Text, Regex.Escape(path) + @"\?token=([A-Za-z0-9_\-%]+)");
        Assert.True(m.Success, $"No {path} link in: {message.Text}");
        return Uri.UnescapeDataString(m.Groups[1].Value);
    }

    public static string LinkFrom(Message message, string path)
    {
        var m = Regex.Match(message.Text, @"https?://\S+" + Regex.Escape(path) + @"\?token=[A-Za-z0-9_\-%]+");
        Assert.True(m.Success, $"No {path} link in: {message.Text}");
        return m.Value;
    }
}
