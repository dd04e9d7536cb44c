using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Programs;
using FitPilot.Web.Components;
using FitPilot.Web.Forms;
using Microsoft.AspNetCore.Components.Forms;

namespace FitPilot.Web.Tests.Forms;

/// <summary>Every kind of annotation the contracts use, in plain words named by the field's label; the contracts' own words kept.</summary>
public sealed class PlainMessagesTests
{
    /// <summary>A contract with one property per annotation kind, validated as the API validates.</summary>
    public sealed record Sample
    {
        [Required, StringLength(100, MinimumLength = 1)] public string Name { get; init; } = "";
        [StringLength(120)] public string? BusinessName { get; init; }
        [Required, StringLength(120, MinimumLength = 2)] public string Title { get; init; } = "ok";
        [Required, MinLength(1), MaxLength(5)] public IReadOnlyList<string> PrimaryMuscles { get; init; } = ["chest"];
        [MaxLength(10)] public IReadOnlyList<string>? SecondaryMuscles { get; init; }
        [MinLength(3)] public string? Code { get; init; }
        [Range(10, 120)] public int? Age { get; init; }
        [Range(0.0, 1000.0)] public double? WeightKg { get; init; }
        [EmailAddress] public string? Contact { get; init; }
        [Phone, StringLength(30)] public string? PhoneNumber { get; init; }
        [Url] public string? Website { get; init; }
        [HttpsUrl] public string? VideoUrl { get; init; }
        [RegularExpression("^[a-z]+$")] public string? Slug { get; init; }
        [RegularExpression("^[A-Z]$", ErrorMessage = "Use one capital letter (A, B, …).")] public string? SupersetGroup { get; init; }
        [Password] public string Password { get; init; } = "a long enough passphrase";
        [AllowedValues("kg", "lb")] public string Unit { get; init; } = "kg";
    }

    private sealed class SampleForm : FormModel<Sample>
    {
        public Sample Value { get; set; } = new();
        public override Sample ToContract() => Value;
    }

    private static Dictionary<string, List<string>> Errors(Sample sample, Dictionary<string, string>? labels = null)
    {
        var form = new SampleForm { Value = sample };
        var context = new EditContext(form);
        foreach (var (name, label) in labels ?? []) FieldLabels.Set(context, new FieldIdentifier(form, name), label);
        return ContractFormValidator.Errors(form, context).ToDictionary(e => e.Key.FieldName, e => e.Value);
    }

    [Fact]
    public void A_missing_value_is_asked_for_by_its_label_once_not_also_as_too_short()
    {
        var errors = Errors(new Sample { Name = "", PrimaryMuscles = [] }, new() { ["Name"] = "Your name", ["PrimaryMuscles"] = "Primary muscles" });
        Assert.Equal(["Enter your name."], errors["Name"]);
        Assert.Equal(["Choose at least one primary muscle."], errors["PrimaryMuscles"]);
    }

    [Fact]
    public void Without_a_label_the_property_name_is_put_into_words()
    {
        var errors = Errors(new Sample { PrimaryMuscles = [] });
        Assert.Equal(["Choose at least one primary muscle."], errors["PrimaryMuscles"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_annotation_kind_reads_as_plain_words(string property, Sample sample, string expected)
    {
        var messages = Errors(sample)[property];
        Assert.Equal(expected, Assert.Single(messages));
    }

    public static TheoryData<string, Sample, string> Cases() => new()
    {
        { "Name", new Sample { Name = new string('x', 101) }, "Name must be 1 to 100 characters." },
        { "BusinessName", new Sample { BusinessName = new string('x', 121) }, "Business name can be at most 120 characters." },
        { "Title", new Sample { Title = "x" }, "Title must be 2 to 120 characters." },
        { "PrimaryMuscles", new Sample { PrimaryMuscles = ["a", "b", "c", "d", "e", "f"] }, "Choose at most 5 primary muscles." },
        { "SecondaryMuscles", new Sample { SecondaryMuscles = Enumerable.Range(0, 11).Select(i => $"m{i}").ToList() }, "Choose at most 10 secondary muscles." },
        { "Code", new Sample { Code = "ab" }, "Code must be at least 3 characters." },
        { "Age", new Sample { Age = 5 }, "Age must be from 10 to 120." },
        { "WeightKg", new Sample { WeightKg = 1000.5 }, "Weight kg must be from 0 to 1000." },
        { "Contact", new Sample { Contact = "nope" }, "Enter an email address like name@example.com." },
        { "PhoneNumber", new Sample { PhoneNumber = "call me" }, "Enter phone number with digits, spaces and + ( ) - only." },
        { "Website", new Sample { Website = "example" }, "Enter a full link, starting with https://." },
        { "VideoUrl", new Sample { VideoUrl = "http://example.com/v" }, "Enter a full link, starting with https://." },
        { "Slug", new Sample { Slug = "A1" }, "Slug is not in the expected form." },
        { "SupersetGroup", new Sample { SupersetGroup = "ab" }, "Use one capital letter (A, B, …)." },
        { "Password", new Sample { Password = "short" }, "Use 10 to 128 characters." },
        { "Unit", new Sample { Unit = "stone" }, "Choose one of the options for unit." },
    };

    [Fact]
    public void The_label_a_field_shows_names_it_without_what_only_helps_to_fill_it_in()
    {
        Assert.Equal("business name", PlainMessages.Lower("Business name (optional)"));
        Assert.Equal("height (cm)", PlainMessages.Lower("Height (cm)"));
        Assert.Equal("video link", PlainMessages.Lower("Video link (YouTube, Vimeo or any https link)"));
        Assert.Equal("instructions", PlainMessages.Lower("Instructions, one step per line"));
        Assert.Equal("RIR", PlainMessages.Lower("RIR"));
        Assert.Equal("starting weight kg", PlainMessages.Lower("StartingWeightKg"));
    }

    [Fact]
    public void An_API_error_key_finds_the_field_it_names_nested_forms_included()
    {
        var week = new ProgramForm
        {
            Name = "Week",
            Days = [new ProgramDayForm { DayOfWeek = 1, Exercises = [new ProgramEntryForm { ExerciseId = "a" }, new ProgramEntryForm { ExerciseId = "b" }] }],
        };
        var sets = ServerErrors.Field(week, "days[0].exercises[1].sets");
        Assert.Equal(new FieldIdentifier(week.Days[0].Exercises[1], nameof(ProgramEntryForm.Sets)), sets);
        Assert.Equal(new FieldIdentifier(week, nameof(ProgramForm.Name)), ServerErrors.Field(week, "name"));
        Assert.Null(ServerErrors.Field(week, "$"));
        Assert.Null(ServerErrors.Field(week, "nothingLikeThis"));

        // The API's messages are the same validator's: put into the same plain words.
        var message = PlainMessages.For(sets!.Value, ["The field Sets must be between 1 and 20."]);
        Assert.Equal(["Sets must be from 1 to 20."], message);
    }

    [Fact]
    public void Counts_agree_with_their_nouns()
    {
        Assert.Equal("1 exercise", Plural.Of(1, "exercise"));
        Assert.Equal("0 exercises", Plural.Of(0, "exercise"));
        Assert.Equal("3 entries", Plural.Of(3, "entry", "entries"));
    }
}
