using System.Text.Json;
using FitPilot.Functions.Storage;

namespace FitPilot.Tests.Storage;

public sealed class StoredJsonTests
{
    [Theory]
    [InlineData("Привет, мир")]
    [InlineData("慢慢地蹲下")]
    [InlineData("انزل ببطء")]
    [InlineData("🏋️‍♀️💪🏽")]
    [InlineData("quote \" backslash \\ slash /")]
    [InlineData("line\nbreak\r\ttab \u0001 \u001f")]
    [InlineData("<script>alert('x')</script> & \u2028")]
    public void Text_round_trips_and_is_stored_as_itself(string text)
    {
        var json = StoredJson.Serialize(new { notes = text });
        Assert.Equal(text, JsonDocument.Parse(json).RootElement.GetProperty("notes").GetString());
        Assert.Equal(text, StoredJson.Deserialize<Dictionary<string, string>>(json)["notes"]);
        // Only what JSON requires is escaped: letters of any script and emoji are not.
        foreach (var c in text.Where(c => c > 127 && !char.IsControl(c))) Assert.Contains(c, json);
    }

    [Fact]
    public void Five_hundred_emoji_take_their_own_length_not_six_times_it()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 250));
        Assert.True(StoredJson.Serialize(emoji).Length <= 502);
        Assert.True(JsonSerializer.Serialize(emoji, JsonSerializerOptions.Web).Length > 3000); // what the defaults would have stored
    }
}
