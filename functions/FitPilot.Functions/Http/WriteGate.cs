namespace FitPilot.Functions.Http;

/// <summary>
/// The pipeline's one billing rule, as a port (implemented by Billing): may this PT write? A PT whose
/// trial expired, whose subscription was canceled or paused, or whose payment is overdue beyond the
/// grace period may read and export everything, but every write (any method but GET/HEAD) of a
/// function that does not declare <see cref="ApiOperationAttribute.OpenWhenLapsed"/> answers 402.
/// Clients are never asked: a lapsed PT does not take their clients' training hostage.
/// </summary>
public interface IWriteGate
{
    /// <summary>Why this PT may not write now, or null when they may.</summary>
    Task<WriteRefusal?> RefusalAsync(string trainerId, CancellationToken ct);
}

/// <summary>A 402 problem: <paramref name="Reason"/> names why (its <c>type</c> ends with it), <paramref name="BillingUrl"/> where to fix it.</summary>
public sealed record WriteRefusal(string Reason, string Title, string Detail, string BillingUrl);
