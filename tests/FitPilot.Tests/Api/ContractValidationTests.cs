using System.Net;
using System.Text.Json;
using FitPilot.Contracts.Programs;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Api;

/// <summary>What is inside a valid-looking body: nulls in lists and control characters are field errors, not crashes or stray rows.</summary>
[Collection(HostCollection.Name)]
public sealed class ContractValidationTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    [Fact]
    public async Task A_null_inside_any_list_is_a_400_naming_the_entry_and_writes_nothing()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var template = await TrainingSetup.CreateAsync(_api, pt, null);
        var programsBefore = await ProgramCountAsync(pt);

        var cases = new (string Path, string Body, string Field)[]
        {
            ("/api/programs", """{"name":"P","isTemplate":true,"days":[null]}""", "days[0]"),
            ("/api/programs", """{"name":"P","isTemplate":true,"days":[{"dayOfWeek":1,"exercises":[null]}]}""", "days[0].exercises[0]"),
            ("/api/programs", """{"name":"P","isTemplate":true,"days":[{"dayOfWeek":1,"exercises":[{"exerciseId":"Pullups"},null]}]}""", "days[0].exercises[1]"),
            ($"/api/programs/{template.Id}/assign", """{"clientIds":[null]}""", "clientIds[0]"),
            ($"/api/programs/{template.Id}/assign", $$"""{"clientIds":["{{client.Id}}",null]}""", "clientIds[1]"),
            ("/api/exercises", """{"name":"Mine","category":"strength","primaryMuscles":[null]}""", "primaryMuscles[0]"),
            ("/api/exercises", """{"name":"Mine","category":"strength","primaryMuscles":["chest"],"secondaryMuscles":[null],"instructions":[null]}""", "secondaryMuscles[0]"),
        };
        foreach (var (path, body, field) in cases)
        {
            var problem = await ApiClient.ProblemAsync(await _api.SendAsync(HttpMethod.Post, path, pt.Token, rawJson: body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path} {body}: {problem}");
        }
        Assert.Equal(programsBefore, await ProgramCountAsync(pt));
        var exercises = await ApiClient.ReadAsync<JsonElement>(await _api.GetAsync("/api/exercises?source=own", pt.Token));
        Assert.Equal(0, exercises.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Control_characters_are_refused_and_line_breaks_only_where_text_may_span_lines()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.InviteAsync(pt, ApiClient.UniqueEmail("ctl"));
        var refused = new (string Method, string Path, object Body, string Field)[]
        {
            ("PUT", $"/api/clients/{client.Id}", new { name = "Sam\u0000Client" }, "name"),
            ("PUT", $"/api/clients/{client.Id}", new { name = "Sam\nClient" }, "name"),
            ("POST", "/api/exercises", new { name = "Bell\u0007", category = "strength", primaryMuscles = new[] { "chest" } }, "name"),
            ("POST", "/api/programs", new { name = "P", isTemplate = true, days = new[] { new { dayOfWeek = 1, title = "Tab\tday", exercises = Array.Empty<object>() } } }, "days[0].title"),
            ("POST", "/api/programs", new { name = "P", isTemplate = true, notes = "bad \u001b[31m escape" }, "notes"),
        };
        foreach (var (method, path, body, field) in refused)
        {
            var problem = await ApiClient.ProblemAsync(await _api.SendAsync(new HttpMethod(method), path, pt.Token, body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}: {problem}");
        }
        // Notes may span lines and use tabs.
        var program = await ApiClient.ReadAsync<ProgramDto>(await _api.PostAsync("/api/programs", new
        {
            name = "Multi-line notes", isTemplate = true, notes = "Week 1:\n\t- easy\r\nWeek 2: harder",
            days = new[] { new { dayOfWeek = 1, exercises = new[] { new { exerciseId = "Pullups", notes = "Slow\nand\tsteady" } } } },
        }, pt.Token), HttpStatusCode.Created);
        Assert.Equal("Week 1:\n\t- easy\r\nWeek 2: harder", program.Notes);
        Assert.Equal("Slow\nand\tsteady", program.Days[0].Exercises[0].Notes);
    }

    private async Task<int> ProgramCountAsync(ApiClient.Trainer pt) =>
        (await ApiClient.ReadAsync<List<ProgramSummary>>(await _api.GetAsync("/api/programs", pt.Token))).Count;
}
