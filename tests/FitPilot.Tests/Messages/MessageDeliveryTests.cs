using FitPilot.Functions.Messages;
using Microsoft.Extensions.Time.Testing;

namespace FitPilot.Tests.Messages;

/// <summary>
/// The in-process long-poll signals on their own: a publish wakes who subscribed before it, a signal goes away when
/// nobody can be waiting on it any more, and racing subscribes, publishes and lease ends never lose a wake-up.
/// </summary>
public sealed class MessageDeliveryTests
{
    [Fact]
    public async Task A_publish_wakes_the_waiters_and_leaves_no_signal_behind()
    {
        var delivery = new InProcessMessageDelivery(clock: new FakeTimeProvider());
        var first = delivery.Subscribe("pt", "c1");
        var second = delivery.Subscribe("pt", "c1");
        var other = delivery.Subscribe("pt", "c2");
        Assert.Equal(2, delivery.Pending);
        Assert.False(first.IsCompleted);

        await delivery.PublishAsync("pt", "c1", default);
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(second.IsCompleted);
        Assert.False(other.IsCompleted);
        Assert.Equal(1, delivery.Pending);
        // A subscriber after the publish waits for the next one.
        Assert.False(delivery.Subscribe("pt", "c1").IsCompleted);
    }

    [Fact]
    public void A_signal_nobody_subscribed_to_for_the_longest_wait_goes_away_and_a_later_subscribe_keeps_it()
    {
        var clock = new FakeTimeProvider();
        var delivery = new InProcessMessageDelivery(clock: clock);
        var waited = delivery.Subscribe("pt", "quiet");
        var busy = delivery.Subscribe("pt", "busy");
        clock.Advance(TimeSpan.FromSeconds(MessageService.MaxWaitSeconds));
        // Another page started waiting on "busy": its signal stays for that page's wait.
        var late = delivery.Subscribe("pt", "busy");
        clock.Advance(InProcessMessageDelivery.Lease - TimeSpan.FromSeconds(MessageService.MaxWaitSeconds));
        Assert.Equal(1, delivery.Pending);
        Assert.True(waited.IsCompleted); // completed on the way out: a straggler would only read again
        Assert.False(late.IsCompleted);
        Assert.Same(busy, late);

        clock.Advance(InProcessMessageDelivery.Lease);
        Assert.Equal(0, delivery.Pending);
        Assert.True(late.IsCompleted);
    }

    [Fact]
    public async Task Racing_subscribes_publishes_and_lease_ends_never_leave_a_subscriber_that_missed_a_later_publish()
    {
        var clock = new FakeTimeProvider();
        var delivery = new InProcessMessageDelivery(clock: clock);
        string[] conversations = ["c1", "c2", "c3"];
        var missed = 0;
        using var stop = new CancellationTokenSource();
        // Time moves on meanwhile, so leases end while others subscribe and publish.
        var ticking = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested) clock.Advance(TimeSpan.FromSeconds(7));
        });
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var conversation = conversations[(worker + i) % conversations.Length];
                var signal = delivery.Subscribe("pt", conversation);
                await delivery.PublishAsync("pt", conversation, default);
                // Whoever published (this worker or another one racing it), a publish made after this subscribe happened.
                if (!signal.IsCompleted) Interlocked.Increment(ref missed);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        await stop.CancelAsync();
        await ticking;
        Assert.Equal(0, missed);
        Assert.Equal(0, delivery.Pending);
    }
}
