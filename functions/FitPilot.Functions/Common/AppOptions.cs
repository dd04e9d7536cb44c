namespace FitPilot.Functions.Common;

/// <summary>Settings under <c>App:</c>.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>Where users open the web app; links in emails start here (e.g. https://app.fitpilot.example).</summary>
    public string PublicBaseUrl { get; set; } = "";
    public int TrialDays { get; set; } = 7;
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    public string Link(string pathAndQuery) => PublicBaseUrl.TrimEnd('/') + pathAndQuery;
}
