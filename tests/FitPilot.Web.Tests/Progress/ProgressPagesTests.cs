using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Progress;
using FitPilot.Contracts.Trainers;
using FitPilot.Web.Auth;
using FitPilot.Web.Pages.Client;
using FitPilot.Web.Pages.Trainer;
using FitPilot.Web.Units;
using Microsoft.AspNetCore.Components;

namespace FitPilot.Web.Tests.Progress;

/// <summary>The progress pages (issue 11): the client's /app/progress and the PT's Body &amp; photos tab, over a fake API.</summary>
public sealed class ProgressPagesTests : WebTest
{
    private DateOnly Today => Dates.Today(Clock, null);
    private static readonly ClientProfile Sam = new("c1", "t1", "Sam Client", "sam@example.com", ClientStatuses.Active, null, null, null, null, null, null, null, null, null, null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static ProgressPhoto Photo(string pose, DateOnly date, int? week) =>
        new($"{pose}-{date:yyyyMMdd}", pose, date, week, 1536, 2048, 400_000, 20_000, $"https://store.example/photos/{pose}-{date:yyyyMMdd}.jpg?sig=r",
            $"https://store.example/photos/{pose}-{date:yyyyMMdd}-thumb.jpg?sig=r", DateTimeOffset.UnixEpoch.AddYears(60), DateTimeOffset.UnixEpoch);

    private static Measurement M(DateOnly date, double? kg, double? fat, double? waist = null) =>
        new(Guid.NewGuid().ToString(), date, kg, fat, null, null, waist, null, null, null, new Dictionary<string, double>(), null, EnteredBy.Client, "Sam Client",
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static Metric RestingHeartRate => new("rhr", "Resting heart rate", "bpm", MetricDirections.Lower, 30, 120, DateTimeOffset.UnixEpoch);
    private static Metric Steps => new("steps", "Steps", "steps", MetricDirections.Higher, null, null, DateTimeOffset.UnixEpoch);

    private static MetricValue Value(string metricId, DateOnly date, double value) => new(Guid.NewGuid().ToString(), metricId, date, value, EnteredBy.Client, DateTimeOffset.UnixEpoch);

    private void SignedInClient(string unit = "kg")
    {
        var me = Sam with { WeightUnit = unit };
        Get<Session>().Set(new MeResponse("c1", Roles.Client, me.Email, me.Name, null, me));
    }

    private void SignedInTrainer()
    {
        var pt = new TrainerProfile("t1", "Pat Coach", "pat@example.com", null, null, null, null, null, null, null, null, "Solo", "trial", DateTimeOffset.UnixEpoch, 14, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Get<Session>().Set(new MeResponse("t1", Roles.Trainer, pt.Email, pt.Name, pt, null));
    }

    private FakeApi Own(ProgressData data, PhotoTimeline? photos = null) =>
        Api.On("GET", "/api/progress", HttpStatusCode.OK, FakeApi.Json(data))
           .On("GET", "/api/progress/photos", HttpStatusCode.OK, FakeApi.Json(photos ?? new PhotoTimeline([], [])));

    [Fact]
    public void The_timeline_shows_each_photo_set_newest_first_with_a_thumbnail_per_pose_and_compares_the_first_and_the_latest()
    {
        SignedInClient();
        var first = new DateOnly(2026, 3, 12);
        var latest = new DateOnly(2026, 5, 7);
        Own(new ProgressData([M(latest.AddDays(-1), 80.2, 17), M(first.AddDays(2), 84.5, null), M(first.AddDays(-5), 85, 21)], [], "kg", "cm"),
            new PhotoTimeline(
            [
                new PhotoSet(latest, 9, [Photo(PhotoPoses.Front, latest, 9), Photo(PhotoPoses.SideLeft, latest, 9)]),
                new PhotoSet(first, 1, [Photo(PhotoPoses.Front, first, 1), Photo(PhotoPoses.SideLeft, first, 1), Photo(PhotoPoses.Back, first, 1)]),
            ],
            [new PhotoUpload("u9", PhotoPoses.Back, latest, PhotoUploadStatuses.Rejected, "This file is not a photo (JPEG, PNG or WebP).", null, DateTimeOffset.UnixEpoch)]));

        var cut = Render<ProgressPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=photo-set]").Count));
        var sets = cut.FindAll("[data-testid=photo-set]");
        Assert.Equal(["2026-05-07", "2026-03-12"], sets.Select(s => s.GetAttribute("data-date")));
        Assert.Equal("7 May 2026 · week 9", sets[0].QuerySelector("h3")!.TextContent);
        Assert.Equal(["Front, 7 May 2026", "Side left, 7 May 2026"], sets[0].QuerySelectorAll("img").Select(i => i.GetAttribute("alt")));
        Assert.Equal("https://store.example/photos/front-20260507-thumb.jpg?sig=r", sets[0].QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal(3, sets[1].QuerySelectorAll("img.thumb").Length);
        Assert.Contains("wasn't kept", cut.Find("[data-testid=rejected-upload]").TextContent);
        Assert.Contains("not a photo", cut.Find("[data-testid=rejected-upload]").TextContent);
        Assert.NotNull(sets[0].QuerySelector("button")); // delete, with a confirm

        // Compare: the first set before, the latest after, with the weight and body fat measured closest to each date.
        Assert.Equal("2026-03-12", cut.Find("#compare-before").GetAttribute("value"));
        Assert.Equal("2026-05-07", cut.Find("#compare-after").GetAttribute("value"));
        var sides = cut.FindAll("[data-testid=compare-side]");
        Assert.Equal("84.5 kg (14 Mar 2026) · 21 % body fat (7 Mar 2026)", sides[0].QuerySelector("[data-testid=compare-numbers]")!.TextContent);
        Assert.Equal("80.2 kg (6 May 2026) · 17 % body fat (6 May 2026)", sides[1].QuerySelector("[data-testid=compare-numbers]")!.TextContent);
        Assert.Equal(["Front, 12 Mar 2026", "Side left, 12 Mar 2026", "Back, 12 Mar 2026"], sides[0].QuerySelectorAll("img").Select(i => i.GetAttribute("alt")));

        // The overlay: the after photo over the before one, uncovered by a range input in 5 % steps (a class, no inline style).
        cut.FindAll("button").Single(b => b.TextContent == "Overlay").Click();
        Assert.Contains("clip-50", cut.Find(".overlay-after").ClassName);
        cut.Find("#overlay-clip").Input("73");
        Assert.Contains("clip-70", cut.Find(".overlay-after").ClassName);
        Assert.Equal("Front, 7 May 2026", cut.Find(".overlay-after").GetAttribute("alt"));
        Assert.DoesNotContain("style=", cut.Markup);
    }

    [Fact]
    public void A_phone_opens_its_camera_for_each_pose_and_the_upload_date_defaults_to_today()
    {
        SignedInClient();
        Own(new ProgressData([], [], "kg", "cm"));
        var cut = Render<ProgressPage>();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("input[type=file]").Count));
        foreach (var input in cut.FindAll("input[type=file]"))
        {
            Assert.Equal("image/jpeg,image/png,image/webp", input.GetAttribute("accept"));
            Assert.Equal("environment", input.GetAttribute("capture"));
            Assert.NotNull(cut.Find($"label[for={input.Id}]"));
        }
        Assert.Equal(Today.ToString("yyyy-MM-dd"), cut.Find("#photo-date").GetAttribute("value"));
        Assert.NotNull(cut.Find("details.add-photos[open]")); // no photos yet: the uploader is open
        Assert.Equal(["api/progress/export/measurements.csv", "api/progress/export/sets.csv"],
            cut.FindAll("[data-testid=export-section] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_field_error_from_the_server_shows_on_its_field_and_the_form_recovers_once_corrected()
    {
        SignedInClient("lb");
        Own(new ProgressData([], [], "lb", "in"));
        Api.On("POST", "/api/progress/measurements", HttpStatusCode.BadRequest,
            FakeApi.Problem(400, "Check the highlighted fields", null, """{"measuredOn":["The date can't be in the future."]}"""), "application/problem+json");
        var cut = Render<ProgressPage>();
        cut.WaitForAssertion(() => cut.Find("#m-weight"));
        Assert.Contains("(lb)", cut.Find("label[for=m-weight]").TextContent);
        Assert.Contains("(in)", cut.Find("label[for=m-waist]").TextContent);

        cut.Find("#m-weight").Change("180");
        cut.Find("#m-waist").Change("32.5");
        cut.Find("form[data-testid=measurement-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("The date can't be in the future.", cut.Find("#m-date ~ .validation-message").TextContent));
        var sent = Api.Sent.Last(s => s.Method == "POST").Json;
        Assert.Equal(81.647, sent.GetProperty("weightKg").GetDouble(), 3);  // 180 lb, sent in kg
        Assert.Equal(82.55, sent.GetProperty("waistCm").GetDouble(), 3);    // 32.5 in, sent in cm
        var id = sent.GetProperty("id").GetString();

        // Corrected: the error goes as the date changes, and the same entry (same id) is saved.
        var yesterday = Today.AddDays(-1);
        var saved = M(yesterday, 81.647, null, 82.55) with { Id = id! };
        Api.On("POST", "/api/progress/measurements", HttpStatusCode.OK, FakeApi.Json(saved));
        cut.Find("#m-date").Change(yesterday.ToString("yyyy-MM-dd"));
        Assert.Empty(cut.FindAll(".validation-message").Select(m => m.TextContent));
        cut.Find("form[data-testid=measurement-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Saved " + yesterday.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + ": 180 lb", cut.Find(".saved-note").TextContent));
        Assert.Equal(id, Api.Sent.Last(s => s.Method == "POST").Json.GetProperty("id").GetString());
        Assert.Equal(yesterday.ToString("yyyy-MM-dd"), Api.Sent.Last(s => s.Method == "POST").Json.GetProperty("measuredOn").GetString());
        Assert.Equal(yesterday.ToString("yyyy-MM-dd"), cut.Find("#m-date").GetAttribute("value")); // the next entry keeps the date
        Assert.Equal("", cut.Find("#m-weight").GetAttribute("value") ?? ""); // a fresh entry for the next one
        var row = cut.Find("[data-testid=measurements] tbody tr");
        Assert.Contains("180 lb", row.TextContent);
        Assert.Contains("waist 32.5 in", row.TextContent);
    }

    [Fact]
    public void A_value_the_browser_can_judge_is_refused_before_it_is_sent()
    {
        SignedInClient();
        Own(new ProgressData([], [], "kg", "cm"));
        var cut = Render<ProgressPage>();
        cut.WaitForAssertion(() => cut.Find("#m-weight"));
        cut.Find("#m-weight").Change("500");
        cut.Find("form[data-testid=measurement-form]").Submit();
        Assert.Equal("Enter a weight between 20 and 400 kg.", cut.Find("#m-weight ~ .validation-message").TextContent);
        Assert.DoesNotContain(Api.Requests, r => r.StartsWith("POST"));
    }

    [Fact]
    public void A_lower_is_better_metric_that_fell_is_written_as_a_minus_in_good_colour_and_the_word_better()
    {
        SignedInClient();
        Own(new ProgressData([M(Today.AddDays(-10), 82, 20), M(Today.AddDays(-3), 81, 19), M(Today, 80, 18)],
            [new MetricSeries(RestingHeartRate, [Value("rhr", Today.AddDays(-20), 70), Value("rhr", Today.AddDays(-7), 66), Value("rhr", Today, 62)]),
             new MetricSeries(Steps, [Value("steps", Today.AddDays(-14), 9000), Value("steps", Today, 7500)])], "kg", "cm"));
        var cut = Render<ProgressPage>();

        // Weight first, with its 7-day average line; weight has no direction: no colour, no verdict.
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=progress-chart]")));
        Assert.Equal("80 kg · −2 kg in 10 days", cut.Find("[data-testid=chart-summary]").TextContent);
        Assert.Contains("neutral", cut.Find("[data-testid=chart-summary] .change").ClassName);
        Assert.NotNull(cut.Find("[data-testid=chart-average]"));

        cut.Find("#chart-metric").Change("m:rhr");
        Assert.Equal("62 bpm · −8 bpm in 3 weeks · better", cut.Find("[data-testid=chart-summary]").TextContent);
        Assert.Contains("good", cut.Find("[data-testid=chart-summary] .change").ClassName);
        Assert.Empty(cut.FindAll("[data-testid=chart-average]"));

        cut.Find("#chart-metric").Change("m:steps");
        Assert.Equal("7,500 steps · −1,500 steps in 2 weeks · worse", cut.Find("[data-testid=chart-summary]").TextContent);
        Assert.Contains("bad", cut.Find("[data-testid=chart-summary] .change").ClassName);

        // 4 weeks → since the start of that range only: the resting heart rate 20 days ago is still in, then 1 year → the same.
        cut.FindAll("button").Single(b => b.TextContent == "4 weeks").Click();
        cut.Find("#chart-metric").Change("bodyfat");
        Assert.Equal("18 % · −2 % in 10 days · better", cut.Find("[data-testid=chart-summary]").TextContent);
        Assert.Equal(["4 weeks", "3 months", "1 year", "All"], cut.FindAll("[data-testid=charts-section] .segmented button").Select(b => b.TextContent));
    }

    [Fact]
    public void The_newest_measurements_show_first_and_the_rest_are_one_tap_away()
    {
        SignedInClient();
        Own(new ProgressData(Enumerable.Range(0, 12).Select(i => M(Today.AddDays(-i), 80 + i, null)).ToList(), [], "kg", "cm"));
        var cut = Render<ProgressPage>();
        cut.WaitForAssertion(() => Assert.Equal(8, cut.FindAll("[data-testid=measurements] tbody tr").Count));
        Assert.Contains("today", cut.Find("[data-testid=measurements] tbody tr").TextContent);
        cut.FindAll("button").Single(b => b.TextContent == "Show all 12 measurements").Click();
        Assert.Equal(12, cut.FindAll("[data-testid=measurements] tbody tr").Count);
    }

    [Fact]
    public void The_client_logs_todays_value_of_a_custom_metric()
    {
        SignedInClient();
        Own(new ProgressData([], [new MetricSeries(RestingHeartRate, [Value("rhr", Today.AddDays(-1), 64)])], "kg", "cm"));
        Api.On("POST", "/api/progress/metrics/rhr/values", HttpStatusCode.OK, FakeApi.Json(Value("rhr", Today, 61)));
        var cut = Render<ProgressPage>();
        cut.WaitForAssertion(() => cut.Find("#metric-rhr"));
        Assert.Contains("Last: 64 bpm yesterday", cut.Find("#metric-rhr-last").TextContent);

        cut.Find("#metric-rhr").Change("200");
        cut.Find("[data-testid=metric-log] button").Click();
        Assert.Equal("Enter resting heart rate from 30 to 120 bpm.", cut.Find("[data-testid=metric-log] .validation-message").TextContent);

        cut.Find("#metric-rhr").Change("61");
        cut.Find("[data-testid=metric-log] button").Click();
        cut.WaitForAssertion(() => Assert.Contains("Last: 61 bpm today", cut.Find("#metric-rhr-last").TextContent));
        var sent = Api.Sent.Last(s => s.Method == "POST").Json;
        Assert.Equal(61, sent.GetProperty("value").GetDouble());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), sent.GetProperty("measuredOn").GetString());
    }

    [Fact]
    public void The_PT_defines_a_lower_is_better_metric_for_a_client_and_can_log_and_chart_it()
    {
        SignedInTrainer();
        var created = new Metric("m-new", "Resting heart rate", "bpm", MetricDirections.Lower, 30, 120, DateTimeOffset.UnixEpoch);
        Api.On("GET", "/api/clients/c1", HttpStatusCode.OK, FakeApi.Json(Sam))
           .On("GET", "/api/clients/c1/exercises", HttpStatusCode.OK, "[]")
           .On("GET", "/api/clients/c1/progress", HttpStatusCode.OK, FakeApi.Json(new ProgressData([], [], "kg", "cm")))
           .On("GET", "/api/clients/c1/progress/photos", HttpStatusCode.OK, FakeApi.Json(new PhotoTimeline([], [])))
           .On("POST", "/api/clients/c1/progress/metrics", HttpStatusCode.Created, FakeApi.Json(created));
        Get<NavigationManager>().NavigateTo("pt/clients/c1/progress?view=body");
        var cut = Render<ClientProgress>(ps => ps.Add(p => p.ClientId, "c1"));

        cut.WaitForAssertion(() => Assert.Equal("Body & photos", cut.Find(".progress-tabs a[aria-current=page]").TextContent));
        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent == "Add a metric").Click());
        Assert.Empty(cut.FindAll("[data-testid=photo-upload]")); // the PT doesn't upload for the client
        cut.Find("#metric-name").Change("Resting heart rate");
        cut.Find("#metric-unit").Change("bpm");
        cut.Find("#metric-direction").Change(MetricDirections.Lower);
        cut.Find("#metric-min").Change("30");
        cut.Find("#metric-max").Change("120");
        cut.Find("form[data-testid=metric-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Resting heart rate", cut.Find("[data-testid=metric-defs]").TextContent));
        var sent = Api.Sent.Single(s => s.Method == "POST").Json;
        Assert.Equal(("Resting heart rate", "bpm", "lower", 30.0, 120.0),
            (sent.GetProperty("name").GetString(), sent.GetProperty("unit").GetString(), sent.GetProperty("direction").GetString(), sent.GetProperty("min").GetDouble(), sent.GetProperty("max").GetDouble()));
        Assert.Contains("lower is better · 30–120", cut.Find("[data-testid=metric-defs]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=metric-form]"));
        Assert.NotNull(cut.Find("#metric-m-new")); // the PT can log a value too
        Assert.Contains("Resting heart rate (bpm)", cut.FindAll("#chart-metric option").Select(o => o.TextContent));
        Assert.Equal(["api/clients/c1/progress/export/measurements.csv", "api/clients/c1/progress/export/sets.csv"],
            cut.FindAll("[data-testid=export-section] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_PT_deletes_a_photo_set_after_confirming()
    {
        SignedInTrainer();
        var date = new DateOnly(2026, 3, 12);
        Api.On("GET", "/api/clients/c1", HttpStatusCode.OK, FakeApi.Json(Sam))
           .On("GET", "/api/clients/c1/exercises", HttpStatusCode.OK, "[]")
           .On("GET", "/api/clients/c1/progress", HttpStatusCode.OK, FakeApi.Json(new ProgressData([], [], "kg", "cm")))
           .On("GET", "/api/clients/c1/progress/photos", HttpStatusCode.OK, FakeApi.Json(new PhotoTimeline([new PhotoSet(date, null, [Photo(PhotoPoses.Front, date, null)])], [])))
           .On("DELETE", "/api/clients/c1/progress/photos/2026-03-12", HttpStatusCode.NoContent);
        Get<NavigationManager>().NavigateTo("pt/clients/c1/progress?view=body");
        var cut = Render<ClientProgress>(ps => ps.Add(p => p.ClientId, "c1"));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=photo-set] button").Single(b => b.TextContent == "Delete the photos of 12 Mar 2026").Click());
        cut.FindAll("button").Single(b => b.TextContent == "Delete").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=photos-empty]")));
        Assert.Contains("DELETE /api/clients/c1/progress/photos/2026-03-12", Api.Requests);
    }
}
