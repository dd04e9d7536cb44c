using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Email;

/// <summary>Settings under <c>Email:</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";
    public const string SmtpProvider = "Smtp";
    public const string AcsProvider = "Acs";

    /// <summary><c>Smtp</c> (the default: MailKit, smtp4dev locally) or <c>Acs</c> (Azure Communication Services).</summary>
    public string Provider { get; set; } = SmtpProvider;
    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "FitPilot";
    public SmtpOptions Smtp { get; set; } = new();
    public AcsOptions Acs { get; set; } = new();

    public bool UsesSmtp => string.Equals(Provider, SmtpProvider, StringComparison.OrdinalIgnoreCase);
    public bool UsesAcs => string.Equals(Provider, AcsProvider, StringComparison.OrdinalIgnoreCase);
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

/// <summary>Settings under <c>Email:Acs:</c>, used when <c>Email:Provider</c> is <c>Acs</c>.</summary>
public sealed class AcsOptions
{
    /// <summary>The resource's endpoint, e.g. <c>https://my-resource.europe.communication.azure.com</c>.</summary>
    public string Endpoint { get; set; } = "";
    /// <summary>One of the resource's access keys (base64), for HMAC-SHA256 signed requests. Key Vault in Azure.</summary>
    public string? AccessKey { get; set; }
    /// <summary>Authenticate with the app's managed identity (Entra token) instead of an access key.</summary>
    public bool UseManagedIdentity { get; set; }
    /// <summary>The client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }
    /// <summary>A MailFrom address of a domain connected to the resource; defaults to <c>Email:FromAddress</c>.
    /// The display name comes from the sender username configured in Azure, not from <c>Email:FromName</c>.</summary>
    public string? SenderAddress { get; set; }
    /// <summary>How long one delivery waits for the send operation to finish before the outbox tries again (same Operation-Id).</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>What is wrong with these settings, in words an operator can act on; empty when they work.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint)
            || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))
            || endpoint.AbsolutePath != "/")
            yield return "Email:Acs:Endpoint must be the resource's https URL without a path, e.g. https://my-resource.europe.communication.azure.com.";
        var hasKey = !string.IsNullOrWhiteSpace(AccessKey);
        if (hasKey == UseManagedIdentity)
            yield return "Set exactly one of Email:Acs:AccessKey (the resource's access key) or Email:Acs:UseManagedIdentity=true.";
        if (hasKey && !IsBase64(AccessKey!))
            yield return "Email:Acs:AccessKey must be the resource's access key as shown in Azure (base64).";
        if (PollTimeout <= TimeSpan.Zero)
            yield return "Email:Acs:PollTimeout must be positive.";
    }

    /// <summary>Stops start-up with every problem of the <c>Email:Acs</c> settings when the provider is Acs.</summary>
    public sealed class AcsOptionsValidation : IValidateOptions<EmailOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailOptions options)
        {
            if (!options.UsesAcs) return ValidateOptionsResult.Success;
            var problems = options.Acs.Problems().Select(p => "Email:Provider is Acs: " + p).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    private static bool IsBase64(string s)
    {
        var buffer = new byte[s.Length];
        return Convert.TryFromBase64String(s.Trim(), buffer, out var written) && written > 0;
    }
}
