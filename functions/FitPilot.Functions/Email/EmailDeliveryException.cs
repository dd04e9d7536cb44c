namespace FitPilot.Functions.Email;

/// <summary>
/// The provider answered and refused the email. <see cref="Permanent"/>: trying again cannot help
/// (bad credentials, a rejected message, a failed send operation), so the outbox parks it in the
/// poison queue with the reason. Otherwise it is transient; <see cref="RetryAfter"/> is how long the
/// provider asked us to wait, which the outbox honours before the next try.
/// </summary>
public sealed class EmailDeliveryException(string message, bool permanent, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
