namespace FitPilot.Functions.Clients;

/// <summary>
/// A feature that keeps data of a client. Removing a client calls every registered owner, so
/// the data model's ON DELETE CASCADE holds as features are added: register yours in AddFitPilot.
/// </summary>
public interface IClientDataOwner
{
    Task DeleteClientDataAsync(string trainerId, string clientId, CancellationToken ct);
}
