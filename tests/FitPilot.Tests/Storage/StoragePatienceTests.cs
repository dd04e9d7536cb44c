using FitPilot.Functions.Storage;

namespace FitPilot.Tests.Storage;

public sealed class StoragePatienceTests
{
    /// <summary>The API promises a 503 within 10 s when storage does not answer; the SDK settings must allow it, with room for the request around the call.</summary>
    [Fact]
    public void Every_kind_of_storage_call_gives_up_well_within_the_10_second_promise()
    {
        foreach (var patience in new[] { StorageClients.TablePatience, StorageClients.QueuePatience, StorageClients.BlobPatience })
            Assert.InRange(patience.WorstCase, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(9));
        Assert.Equal(TimeSpan.FromSeconds(6.2), StorageClients.TablePatience.WorstCase);
    }
}
