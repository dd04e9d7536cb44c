using FitPilot.Contracts.Common;
using FitPilot.Contracts.Nutrition;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;

namespace FitPilot.Tests.Unit;

public sealed class ContractValidatorTests
{
    [Fact]
    public void Nested_errors_are_keyed_by_their_json_path_and_object_rules_run_only_on_valid_parts()
    {
        var request = new SaveProgramRequest
        {
            Name = "P", IsTemplate = true,
            Days =
            [
                new ProgramDay { DayOfWeek = 1, Exercises = [new ProgramExercise { ExerciseId = "Pullups", Sets = 0 }, null!] },
                null!,
                new ProgramDay { DayOfWeek = 9 },
            ],
        };
        var errors = ContractValidator.Validate(request);
        Assert.Equal(["days[0].exercises[0].sets", "days[0].exercises[1]", "days[1]", "days[2].dayOfWeek"], errors.Keys.Order(StringComparer.Ordinal));
        // The request's own rule (each day once) would have crashed on the null day: it did not run.
        Assert.DoesNotContain("days", errors.Keys);
    }

    [Fact]
    public void A_valid_request_has_no_errors_and_its_own_rules_run()
    {
        var ok = new SaveProgramRequest { Name = "P", IsTemplate = true, Days = [new ProgramDay { DayOfWeek = 1 }, new ProgramDay { DayOfWeek = 1 }] };
        Assert.Equal(["days"], ContractValidator.Validate(ok).Keys);
        var range = new ProgramExercise { ExerciseId = "Pullups", Reps = 10, RepsMax = 8 };
        Assert.Equal(["repsMax"], ContractValidator.Validate(range).Keys);
    }

    [Theory]
    [InlineData("1999-12-31", false)]
    [InlineData("2000-01-01", true)]
    [InlineData("2099-12-31", true)]
    [InlineData("2100-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void Dates_outside_the_window_are_refused_wherever_they_appear(string date, bool valid)
    {
        var d = DateOnly.Parse(date);
        Assert.Equal(valid, ContractValidator.Validate(new DuplicateProgramRequest { StartDate = d }).Count == 0);
        var log = new LogSetRequest { Id = "12345678-aaaa", ProgramId = "p", ProgramExerciseId = "e", ExerciseId = "x", WorkoutDate = d, PerformedAt = new DateTimeOffset(d.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero) };
        Assert.Equal(valid ? [] : new[] { "performedAt", "workoutDate" }, ContractValidator.Validate(log).Keys.Order());
    }

    [Theory]
    [InlineData("Sam", false, true)]
    [InlineData("Sam\nLee", false, false)]
    [InlineData("Sam\tLee", false, false)]
    [InlineData("Bell\u0007", true, false)]
    [InlineData("\u0000", true, false)]
    [InlineData("Line one\r\nLine two\tindented", true, true)]
    [InlineData("Приседания 深蹲 سكوات 🏋️", false, true)]
    public void Control_characters_are_refused_and_line_breaks_only_in_multi_line_text(string text, bool multiLine, bool clean) =>
        Assert.Equal(clean, TextRules.IsClean(text, multiLine));

    [Theory]
    [InlineData("Sam@Example.COM", "sam@example.com")]
    [InlineData("  a/b#c?d@example.com ", "a/b#c?d@example.com")]
    [InlineData("\"quoted name\"@example.com", "\"quoted name\"@example.com")]
    [InlineData("o'brien+tag@sub.example.co.uk", "o'brien+tag@sub.example.co.uk")]
    [InlineData("sam@Bücher.de", "sam@xn--bcher-kva.de")]
    public void Valid_addresses_are_normalised_to_one_key(string input, string expected)
    {
        Assert.True(EmailAddresses.TryNormalise(input, out var normalised));
        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("a\u0001@example.com")]
    [InlineData("Name <a@example.com>")]
    [InlineData("a@example")]
    [InlineData("a@[127.0.0.1]")]
    [InlineData("a@-x.example.com")]
    [InlineData("a..b@example.com")]
    [InlineData("a@b@example.com")]
    public void Invalid_addresses_are_refused(string input) => Assert.False(EmailAddresses.TryNormalise(input, out _));

    [Fact]
    public void An_address_longer_than_254_characters_is_refused() =>
        Assert.False(EmailAddresses.TryNormalise(new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com", out _));
}

/// <summary>Contracts are immutable records: values built once (initializers, <c>with</c>), never changed in place.</summary>
public sealed class ContractImmutabilityTests
{
    [Fact]
    public void No_contract_property_can_be_set_after_construction_and_lists_are_read_only()
    {
        var contracts = typeof(ContractValidator).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && !typeof(Attribute).IsAssignableFrom(t) && t.Namespace?.StartsWith("FitPilot.Contracts.", StringComparison.Ordinal) == true && t.GetProperties().Length > 0).ToList();
        Assert.Contains(typeof(SaveProgramRequest), contracts);
        foreach (var type in contracts)
            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            {
                if (property.SetMethod is { IsPublic: true } set)
                    Assert.True(set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)), $"{type.Name}.{property.Name} has a public set accessor: make it init");
                var propertyType = property.PropertyType;
                Assert.False(propertyType.IsArray || (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(IList<>) || g == typeof(ICollection<>))),
                    $"{type.Name}.{property.Name} is a mutable list ({propertyType.Name}): use IReadOnlyList");
            }
    }

    [Theory]
    [InlineData("1961-05-20", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2090-01-01", false)]
    public void A_date_of_birth_has_its_own_window_so_people_born_before_2000_are_accepted(string date, bool valid)
    {
        var inputs = new TargetInputs
        {
            Sex = Sexes.Female, DateOfBirth = DateOnly.Parse(date), HeightCm = 165, WeightKg = 62,
            ActivityLevel = ActivityLevels.Moderate, Goal = NutritionGoals.Maintain,
        };
        var errors = ContractValidator.Validate(inputs);
        Assert.Equal(valid, !errors.ContainsKey("dateOfBirth"));
        Assert.Equal(valid, errors.Count == 0);
    }
}
