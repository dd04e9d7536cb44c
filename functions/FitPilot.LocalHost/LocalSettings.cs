using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FitPilot.LocalHost;

/// <summary>
/// <c>.fitpilot/local.settings.json</c> (git-ignored), in the Functions Core Tools format: its
/// <c>Values</c> become configuration ("Auth__SigningKey" → "Auth:SigningKey"). Created on first run
/// with a freshly generated signing key, so no secret is ever committed.
/// </summary>
public static class LocalSettings
{
    public static IReadOnlyDictionary<string, string?> LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var created = new JsonObject
            {
                ["IsEncrypted"] = false,
                ["Values"] = new JsonObject
                {
                    ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
                },
            };
            File.WriteAllText(path, created.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var values = JsonNode.Parse(File.ReadAllText(path))?["Values"]?.AsObject()
            ?? throw new InvalidOperationException($"{path} has no \"Values\" object.");
        return values.ToDictionary(kv => kv.Key.Replace("__", ":"), kv => kv.Value?.ToString());
    }
}
