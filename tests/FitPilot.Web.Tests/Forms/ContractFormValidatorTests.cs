using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using FitPilot.Contracts.Exercises;
using FitPilot.Contracts.Programs;
using FitPilot.Web.Components;
using FitPilot.Web.Forms;
using Microsoft.AspNetCore.Components.Forms;

namespace FitPilot.Web.Tests.Forms;

/// <summary>
/// Forms edit mutable form models; the rules stay on the immutable contracts. ContractFormValidator builds the contract
/// and runs the API's ContractValidator, and its errors appear next to the input of the form field their JSON path names.
/// </summary>
public sealed class ContractFormValidatorTests : WebTest
{
    private const string RepRange = "The top of the rep range must be at least the bottom.";

    /// <summary>Wednesday, an empty Friday (not sent) and Monday, in that order: the request sends Monday as days[0], Wednesday as days[1].</summary>
    private static ProgramForm Week() => new()
    {
        Name = "Week A", IsTemplate = true,
        Days =
        [
            new ProgramDayForm { DayOfWeek = 3, Title = "Legs", Exercises = [new ProgramEntryForm { ExerciseId = "Barbell_Squat", ExerciseName = "Barbell Squat" }] },
            new ProgramDayForm { DayOfWeek = 5 },
            new ProgramDayForm { DayOfWeek = 1, Title = "Push", Exercises = [Entry("Bench"), Entry("Dips")] },
        ],
    };

    private static ProgramEntryForm Entry(string id) => new() { ExerciseId = id, ExerciseName = id };

    [Fact]
    public void A_rep_range_rule_of_ProgramExercise_shows_next_to_that_entrys_input_as_soon_as_it_changes_and_clears_when_corrected()
    {
        var cut = Render<ProgramFormHarness>(ps => ps.Add(p => p.Model, Week()));
        Assert.Empty(cut.FindAll(".validation-message"));

        cut.Find("#repsmax-1-1").Change("6"); // Monday's second entry: 10 reps "to 6"

        var message = Assert.Single(cut.FindAll(".validation-message"));
        Assert.Equal(RepRange, message.TextContent);
        Assert.Equal("repsmax-1-1", message.PreviousElementSibling!.Id);
        Assert.Contains("invalid", cut.Find("#repsmax-1-1").ClassList);

        cut.Find("#repsmax-1-1").Change("12");
        Assert.Empty(cut.FindAll(".validation-message"));
        Assert.DoesNotContain("invalid", cut.Find("#repsmax-1-1").ClassList);
    }

    [Fact]
    public void On_submit_nested_day_and_entry_errors_land_on_their_own_inputs_and_nothing_is_submitted_until_they_are_fixed()
    {
        var week = Week();
        week.Days[0].Exercises[0].Sets = 25;          // Wednesday's squat: days[1].exercises[0].sets
        week.Days[2].Title = new string('x', 61);     // Monday: days[0].title
        var cut = Render<ProgramFormHarness>(ps => ps.Add(p => p.Model, week));

        cut.Find("form").Submit();

        Assert.Empty(cut.Instance.Submitted);
        Assert.Equal(2, cut.FindAll(".validation-message").Count);
        Assert.Equal("Sets must be from 1 to 20.", Message(cut, "#sets-3-0"));
        Assert.Equal("Title can be at most 60 characters.", Message(cut, "#title-1"));

        cut.Find("#sets-3-0").Change("4");
        Assert.Null(Message(cut, "#sets-3-0"));
        Assert.NotNull(Message(cut, "#title-1")); // only the field changed is validated again, as with DataAnnotationsValidator
        cut.Find("#title-1").Change("Push");
        cut.Find("form").Submit();

        var sent = Assert.Single(cut.Instance.Submitted);
        Assert.Equal([1, 3], sent.Days.Select(d => d.DayOfWeek));
        Assert.Equal(4, sent.Days[1].Exercises[0].Sets);
    }

    [Fact]
    public void A_vocabulary_rule_of_SaveExerciseRequest_shows_next_to_the_category_before_any_request_and_clears_when_corrected()
    {
        var own = new ExerciseDto("own/landmine", ExerciseSources.Own, "Landmine Press", null, [], null, null, null,
            ["shoulders"], [], "barbell", null, "strength", null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);
        Api.On("PUT", "/api/exercises/own%2Flandmine", HttpStatusCode.OK, FakeApi.Json(own with { Category = "cardio" }));
        var saved = new List<ExerciseDto>();
        var cut = Render<ExerciseEditor>(ps => ps.Add(p => p.Exercise, own).Add(p => p.OnSaved, saved.Add));

        cut.Find("#ex-category").Change("yoga"); // not in ExerciseVocabulary.Categories

        Assert.Equal("Must be one of: " + string.Join(", ", ExerciseVocabulary.Categories) + ".", Message(cut, "#ex-category"));
        cut.Find("form").Submit();
        Assert.Empty(Api.Sent);
        Assert.Empty(saved);

        cut.Find("#ex-category").Change("cardio");
        Assert.Null(Message(cut, "#ex-category"));
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Single(saved));
        Assert.Equal("cardio", Api.Sent.Single().Json.GetProperty("category").GetString());
    }

    [Fact]
    public void A_rule_about_the_whole_request_blocks_the_submit_and_is_kept_with_the_field_it_names()
    {
        var week = Week();
        week.Days[1].DayOfWeek = 1; // Friday becomes a second Monday…
        week.Days[1].Title = "Again"; // …that is sent
        var cut = Render<ProgramFormHarness>(ps => ps.Add(p => p.Model, week));

        cut.Find("form").Submit();

        Assert.Empty(cut.Instance.Submitted);
        Assert.Equal("Each day of the week appears once.", Assert.Single(cut.FindAll(".validation-message")).TextContent);
    }

    [Fact]
    public void Contract_paths_name_fields_of_the_form_the_way_its_inputs_identify_them()
    {
        var week = Week();
        var monday = week.Days[2];
        var wednesday = week.Days[0];

        Assert.Equal(new FieldIdentifier(week, "Name"), FormFields.Locate(week, "name"));
        Assert.Equal(new FieldIdentifier(week, "Name"), FormFields.Locate(week, "$.name"));
        Assert.Equal(new FieldIdentifier(week, ""), FormFields.Locate(week, "$"));
        Assert.Equal(new FieldIdentifier(week, "Days"), FormFields.Locate(week, "days"));
        Assert.Equal(new FieldIdentifier(monday, "Title"), FormFields.Locate(week, "days[0].title"));
        Assert.Equal(new FieldIdentifier(monday.Exercises[1], "RepsMax"), FormFields.Locate(week, "days[0].exercises[1].repsMax"));
        Assert.Equal(new FieldIdentifier(wednesday.Exercises[0], "Sets"), FormFields.Locate(week, "days[1].exercises[0].sets"));
        Assert.Equal(new FieldIdentifier(wednesday, ""), FormFields.Locate(week, "days[1]"));
        Assert.Equal(new FieldIdentifier(week, "Days"), FormFields.Locate(week, "days[7].title")); // no such day: the nearest field

        var exercise = new SaveExerciseForm();
        Assert.Equal(new FieldIdentifier(exercise, "PrimaryMuscles"), FormFields.Locate(exercise, "primaryMuscles[0]"));
        Assert.Equal(new FieldIdentifier(exercise, "Instructions"), FormFields.Locate(exercise, "instructions[3]"));
    }

    [Fact]
    public void Form_models_hold_no_rules_of_their_own_and_mirror_their_contracts_properties()
    {
        var forms = typeof(FormModel<>).Assembly.GetTypes().Where(t => !t.IsAbstract && FormFields.ContractOf(t) is not null).ToList();
        Assert.Contains(typeof(ProgramEntryForm), forms);
        Assert.True(forms.Count >= 13, $"{forms.Count} form models"); // notification preferences have no form: there is nothing to switch yet
        foreach (var form in forms)
        {
            var contract = FormFields.ContractOf(form)!;
            Assert.False(typeof(IValidatableObject).IsAssignableFrom(form), $"{form.Name} has rules of its own");
            foreach (var property in form.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.Empty(property.GetCustomAttributes<ValidationAttribute>(inherit: true));
                Assert.True(contract.GetProperty(property.Name) is not null, $"{form.Name}.{property.Name} is not a property of {contract.Name}");
            }
            // Every contract field has its form field (ServerErrors finds API errors by these names), but the id the builder gives a new program.
            var missing = contract.GetProperties().Select(p => p.Name).Where(name => form.GetProperty(name) is null).Select(name => $"{contract.Name}.{name}");
            Assert.True(missing.All(m => m == "SaveProgramRequest.Id"), $"{form.Name} lacks {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void A_form_fields_limits_are_those_of_the_contract_property_of_the_same_name()
    {
        var entry = new ProgramEntryForm();
        var client = new UpdateClientForm();
        Assert.Equal(ContractLimits.For((ProgramExercise e) => e.Sets), ContractLimits.For(() => entry.Sets));
        Assert.Equal(ContractLimits.For((ProgramExercise e) => e.RepsMax), ContractLimits.For(() => entry.RepsMax));
        Assert.Equal(ContractLimits.For((ProgramExercise e) => e.Notes), ContractLimits.For(() => entry.Notes));
        Assert.Equal(new FieldLimits(10, 120, null), ContractLimits.For(() => client.Age));
    }

    /// <summary>The validation message right after an input (as TextField, NumberField and the harness place them), or null.</summary>
    private static string? Message<T>(IRenderedComponent<T> cut, string input) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var next = cut.Find(input).NextElementSibling;
        return next is not null && next.ClassList.Contains("validation-message") ? next.TextContent : null;
    }
}
