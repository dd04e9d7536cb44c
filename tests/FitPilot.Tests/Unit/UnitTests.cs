using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Exercises;
using FitPilot.Contracts.Exercises;
using FitPilot.Functions.ReferenceData;
using FitPilot.Functions.Trainers;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Unit;

public sealed class PasswordHasherTests
{
    private readonly PasswordHasher _hasher = new();

    [Fact]
    public void Hashes_are_Argon2id_with_OWASP_parameters_salted_and_verifiable()
    {
        var a = _hasher.Hash("correct horse battery staple");
        var b = _hasher.Hash("correct horse battery staple");
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", a);
        Assert.NotEqual(a, b);
        Assert.True(_hasher.Verify("correct horse battery staple", a));
        Assert.False(_hasher.Verify("correct horse battery stapler", a));
        Assert.False(_hasher.Verify("anything", null));
        Assert.False(_hasher.NeedsRehash(a));
        Assert.True(_hasher.NeedsRehash("$argon2id$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaA"));
    }
}

public sealed class VideoLinkTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "vimeo", "https://player.vimeo.com/video/76979871")]
    [InlineData("https://player.vimeo.com/video/76979871", "vimeo", "https://player.vimeo.com/video/76979871")]
    [InlineData("https://example.com/clip.mp4", "other", null)]
    [InlineData("https://www.youtube.com/watch?v=<script>", "youtube", null)]
    public void YouTube_and_Vimeo_links_are_recognised_with_an_embeddable_url(string url, string provider, string? embed)
    {
        var video = VideoLinks.Recognise(url)!;
        Assert.Equal(provider, video.Provider);
        Assert.Equal(embed, video.EmbedUrl);
    }
}

public sealed class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_newlines()
    {
        var rows = Csv.Read(new StringReader("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n"));
        Assert.Equal(["a, b", "say \"hi\"", "two\nlines"], rows.Select(r => r["text"]));
    }

    /// <summary>SHA-256 of the reference CSV as converted from free-exercise-db (docs/reference-data.md): the shipped copy is that file, unedited.</summary>
    private const string ReferenceSha256 = "098479853ba0722933f5793aee9db3f02a5964ccec33d7052b883fc337e87e84";

    [Fact]
    public void The_shipped_exercise_library_is_the_reference_data_unedited()
    {
        var shipped = File.ReadAllBytes(Path.Combine(TestPaths.Repo, "functions", "FitPilot.Functions", "Exercises", "Data", "free_exercise_db_exercises.csv"));
        Assert.Equal(ReferenceSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(shipped)));
        var rows = ExerciseLibrary.ReadShippedCsv(DateTimeOffset.UtcNow);
        Assert.Equal(873, rows.Count);
        var squat = rows.Single(r => r.RowKey == "Barbell_Squat");
        Assert.Equal(("quadriceps", "barbell", "push"), (squat.PrimaryMuscles, squat.Equipment, squat.Force));
        Assert.Equal(["calves", "glutes", "hamstrings", "lower back"], ExerciseEntity.Split(squat.SecondaryMuscles));
    }
}

public sealed class TrialTests
{
    [Theory]
    [InlineData(0, 7)]
    [InlineData(0.5, 7)]
    [InlineData(1, 6)]
    [InlineData(6.9, 1)]
    [InlineData(7, 0)]
    [InlineData(30, 0)]
    public void Trial_days_remaining_count_down_from_the_start(double daysIn, int expected)
    {
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var trainer = new TrainerEntity { TrialStartDate = start, SubscriptionStatus = SubscriptionStatuses.Trial };
        Assert.Equal(expected, trainer.TrialDaysRemaining(start.AddDays(daysIn), 7));
    }

    [Fact]
    public void A_paying_PT_has_no_trial_days()
    {
        var trainer = new TrainerEntity { TrialStartDate = DateTimeOffset.UtcNow, SubscriptionStatus = SubscriptionStatuses.Active };
        Assert.Equal(0, trainer.TrialDaysRemaining(DateTimeOffset.UtcNow, 7));
    }

    [Fact]
    public void A_row_stored_with_the_old_trial_status_reads_as_trialing_and_still_counts_down()
    {
        var start = DateTimeOffset.UtcNow;
        var trainer = new TrainerEntity { TrialStartDate = start, SubscriptionStatus = "trial" };
        Assert.Equal("trialing", trainer.SubscriptionStatus);
        Assert.Equal(5, trainer.TrialDaysRemaining(start.AddDays(2), 7));
    }
}
