namespace FitPilot.Tests.Infrastructure;

/// <summary>For what follows a domain event (delivered by the queue trigger within moments): the assertion holds within a bound.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task> assertion, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
