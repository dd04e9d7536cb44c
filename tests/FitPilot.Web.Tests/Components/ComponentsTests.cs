using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Programs;
using FitPilot.Web.Api;
using FitPilot.Web.Components;

namespace FitPilot.Web.Tests.Components;

// The shared components of Components/: API problems in forms, load errors, confirmations and the contract-bound fields.

public sealed class ServerErrorsTests : BunitContext
{
    [Fact]
    public void Field_errors_appear_next_to_their_inputs_and_unknown_ones_in_an_alert()
    {
        var problem = new ApiProblem(400, "Validation failed", "One or more fields are not valid.", new Dictionary<string, string[]>
        {
            ["email"] = ["An account with this email already exists."],
            ["$"] = ["Something about the whole request."],
        });
        var cut = Render<ServerErrorsHarness>(ps => ps.Add(p => p.Problem, problem));

        var messages = cut.FindAll(".validation-message");
        Assert.Equal("An account with this email already exists.", Assert.Single(messages).TextContent);
        // The message sits right after the email input, not the password one.
        Assert.Equal("email", messages[0].PreviousElementSibling!.Id);
        Assert.Contains("Something about the whole request.", cut.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void A_problem_without_field_errors_is_one_alert_with_its_detail()
    {
        var cut = Render<ServerErrorsHarness>(ps => ps.Add(p => p.Problem, new ApiProblem(401, "Login failed", "The email or password is not right.", new Dictionary<string, string[]>())));
        Assert.Contains("The email or password is not right.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindAll(".validation-message"));
    }

    [Fact]
    public void Editing_a_field_clears_its_server_error()
    {
        var problem = new ApiProblem(409, "Email already registered", null, new Dictionary<string, string[]> { ["email"] = ["Taken."] });
        var cut = Render<ServerErrorsHarness>(ps => ps.Add(p => p.Problem, problem));
        Assert.Single(cut.FindAll(".validation-message"));
        cut.Find("#email").Change("other@example.com");
        Assert.Empty(cut.FindAll(".validation-message"));
    }

    [Theory]
    [InlineData("email", "Email")]
    [InlineData("primaryMuscles[0]", "PrimaryMuscles")]
    [InlineData("$.name", "Name")]
    [InlineData("$", null)]
    public void API_field_names_map_to_contract_properties(string field, string? property) =>
        Assert.Equal(property, ServerErrors.ToPropertyName(field));
}

public sealed class LoadErrorTests : BunitContext
{
    [Fact]
    public void A_network_failure_says_so_and_retries_on_click()
    {
        var retried = 0;
        var cut = Render<LoadError>(ps => ps.Add(p => p.Problem, ApiProblem.Network).Add(p => p.OnRetry, () => { retried++; }));
        Assert.Contains("Can't reach FitPilot.", cut.Find("[role=alert]").TextContent);
        cut.Find("button").Click();
        Assert.Equal(1, retried);
    }

    [Fact]
    public void Without_a_retry_there_is_no_button()
    {
        var cut = Render<LoadError>(ps => ps.Add(p => p.Problem, new ApiProblem(410, "Invitation expired", "Ask for a new one.", new Dictionary<string, string[]>())));
        Assert.Empty(cut.FindAll("button"));
        Assert.Contains("Ask for a new one.", cut.Markup);
    }
}

public sealed class ConfirmButtonTests : BunitContext
{
    [Fact]
    public void Nothing_happens_until_the_question_is_answered_yes()
    {
        var confirmed = 0;
        var cut = Render<ConfirmButton>(ps => ps.Add(p => p.Question, "Remove Sam?").Add(p => p.ConfirmText, "Remove")
            .Add(p => p.OnConfirm, () => { confirmed++; }).AddChildContent("Remove"));
        cut.Find("button").Click();
        Assert.Contains("Remove Sam?", cut.Markup);
        cut.FindAll("button").Single(b => b.TextContent == "Cancel").Click();
        Assert.Equal(0, confirmed);
        Assert.DoesNotContain("Remove Sam?", cut.Markup);

        cut.Find("button").Click();
        cut.FindAll("button").First(b => b.TextContent == "Remove").Click();
        Assert.Equal(1, confirmed);
    }
}

public sealed class ContractFieldTests : BunitContext
{
    [Fact]
    public void Number_and_text_fields_take_their_limits_from_the_contract_property_they_are_bound_to()
    {
        var cut = Render<FieldsHarness>();

        var age = Range<UpdateClientRequest>(nameof(UpdateClientRequest.Age));
        Assert.Equal(age.Minimum.ToString(), cut.Find("#age").GetAttribute("min"));
        Assert.Equal(age.Maximum.ToString(), cut.Find("#age").GetAttribute("max"));
        Assert.Equal("50", cut.Find("#height").GetAttribute("min")); // [Range(50.0, 260.0)]: a double bound written as a plain number
        Assert.Equal("260", cut.Find("#height").GetAttribute("max"));
        Assert.Equal(Length<UpdateClientRequest>(nameof(UpdateClientRequest.Name)).ToString(), cut.Find("#name").GetAttribute("maxlength"));
        Assert.Equal(Length<UpdateClientRequest>(nameof(UpdateClientRequest.PhoneNumber)).ToString(), cut.Find("#phone").GetAttribute("maxlength"));
    }

    [Fact]
    public void An_out_of_range_number_still_gets_the_contract_message_next_to_the_field()
    {
        var cut = Render<FieldsHarness>();
        cut.Find("#name").Change("Sam");
        cut.Find("#age").Change("5");
        cut.Find("form").Submit();
        Assert.Equal("Age must be from 10 to 120.", cut.Find(".validation-message").TextContent);
    }

    [Fact]
    public void Limits_are_read_from_the_contract_attributes_and_a_property_without_any_has_none()
    {
        var sets = ContractLimits.For((ProgramExercise e) => e.Sets);
        Assert.Equal((1.0, 20.0, (int?)null), (sets.Min, sets.Max, sets.MaxLength));
        Assert.True(sets.Allows(20));
        Assert.False(sets.Allows(21));
        Assert.False(sets.Allows(null));
        Assert.Equal(FitPilot.Contracts.Common.PasswordAttribute.MaxLength, ContractLimits.For((FitPilot.Contracts.Auth.RegisterTrainerRequest r) => r.Password).MaxLength);
        Assert.Equal(FieldLimits.None, ContractLimits.For((SaveProgramRequest p) => p.IsTemplate));
    }

    private static RangeAttribute Range<T>(string property) => typeof(T).GetProperty(property)!.GetCustomAttribute<RangeAttribute>()!;
    private static int Length<T>(string property) => typeof(T).GetProperty(property)!.GetCustomAttribute<StringLengthAttribute>()!.MaximumLength;
}
