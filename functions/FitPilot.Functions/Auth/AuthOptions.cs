namespace FitPilot.Functions.Auth;

/// <summary>Settings under <c>Auth:</c>. The signing key never lives in the repo.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Base64 HMAC-SHA256 key, at least 32 bytes (Key Vault in Azure, local.settings.json locally).</summary>
    public string? SigningKey { get; set; }
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
    /// <summary>False only for plain-http local testing tools; browsers treat localhost as secure.</summary>
    public bool SecureCookie { get; set; } = true;
    public int MaxFailedLoginsPerAccount { get; set; } = 5;
    public TimeSpan AccountLockout { get; set; } = TimeSpan.FromMinutes(15);
    public int MaxFailedLoginsPerIp { get; set; } = 30;
    public TimeSpan IpWindow { get; set; } = TimeSpan.FromMinutes(15);

    public byte[] KeyBytes()
    {
        try { return Convert.FromBase64String(SigningKey ?? ""); }
        catch (FormatException) { return []; }
    }
}
