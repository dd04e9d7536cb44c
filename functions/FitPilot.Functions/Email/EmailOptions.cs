namespace FitPilot.Functions.Email;

/// <summary>Settings under <c>Email:</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "FitPilot";
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    /// <summary>None (local smtp4dev), StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "StartTls";
    public string? Username { get; set; }
    public string? Password { get; set; }
}
