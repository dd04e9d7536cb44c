namespace FitPilot.Functions.Clients;

/// <summary>How many clients a subscription tier includes (implemented by Billing, which reads the tiers from configuration).</summary>
public interface IPlanLimits
{
    int ClientLimit(string tier);
}
