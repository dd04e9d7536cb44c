using System.Net;
using AngleSharp.Dom;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Exercises;
using FitPilot.Contracts.Trainers;
using FitPilot.Web.Components;
using Microsoft.AspNetCore.Components;

namespace FitPilot.Web.Tests.Forms;

/// <summary>
/// A form that the API or the contract refused carries on: the message sits next to the field in plain words, it goes
/// as the user corrects that field, and the corrected form is sent again (no reload).
/// </summary>
public sealed class FormRecoveryTests : WebTest
{
    private const string Taken = "An account with this email already exists.";

    private static readonly TrainerProfile Trainer = new("t1", "Robin Trainer", "robin@example.com", null, null, null, null, null, null, null, null,
        SubscriptionTiers.Solo, SubscriptionStatuses.Trial, DateTimeOffset.UnixEpoch, 7, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static string? Message<T>(IRenderedComponent<T> cut, string input) where T : IComponent =>
        cut.Find(input).ParentElement!.QuerySelector(".validation-message")?.TextContent;

    [Fact]
    public void Sign_up_refused_for_an_existing_email_clears_the_message_as_the_email_is_corrected_and_sends_again()
    {
        Api.On("POST", "/api/auth/register", HttpStatusCode.Conflict,
            FakeApi.Problem(409, "Email already registered", "An account with this email already exists. Log in or reset your password.", $$"""{"email":["{{Taken}}"]}"""),
            "application/problem+json");
        var nav = Get<NavigationManager>();
        var cut = Render<FitPilot.Web.Pages.Public.SignUp>();
        cut.Find("#name").Change("Robin Trainer");
        cut.Find("#email").Change("taken@example.com");
        cut.Find("#password").Change("robin-trainer-pass");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal(Taken, Message(cut, "#email")));
        Assert.Equal("true", cut.Find("#email").GetAttribute("aria-invalid"));

        cut.Find("#email").Change("robin@example.com");
        Assert.Null(Message(cut, "#email"));
        Assert.Null(cut.Find("#email").GetAttribute("aria-invalid"));

        Api.On("POST", "/api/auth/register", HttpStatusCode.Created,
            FakeApi.Json(new SessionResponse("token", DateTimeOffset.UnixEpoch, new MeResponse("t1", Roles.Trainer, "robin@example.com", "Robin Trainer", Trainer, null))));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.EndsWith("/pt", nav.Uri));
        Assert.Equal(2, Api.Sent.Count);
        Assert.Equal("robin@example.com", Api.Sent[1].Json.GetProperty("email").GetString());
    }

    [Fact]
    public void Sign_up_says_what_is_missing_in_plain_words_and_the_message_goes_as_the_user_types()
    {
        var cut = Render<FitPilot.Web.Pages.Public.SignUp>();
        cut.Find("form").Submit();

        Assert.Equal("Enter your name.", Message(cut, "#name"));
        Assert.Equal("Enter email.", Message(cut, "#email"));
        Assert.Empty(Api.Requests);

        cut.Find("#name").Change("Robin");
        Assert.Null(Message(cut, "#name"));
        cut.Find("#email").Change("robin@");
        Assert.Equal("Enter an email address like name@example.com.", Message(cut, "#email"));
        cut.Find("#email").Change("robin@example.com");
        Assert.Null(Message(cut, "#email"));
    }

    [Fact]
    public void Inviting_a_client_whose_email_is_taken_can_be_corrected_and_sent_again()
    {
        var invited = new ClientProfile("c1", "t1", "Sam Client", "sam@example.com", ClientStatuses.Invited, null, null, null, null, null, null, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(7), null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Api.On("GET", "/api/clients?limit=50", HttpStatusCode.OK, """{"items":[],"nextCursor":null}""")
            .On("POST", "/api/clients", HttpStatusCode.Conflict,
                FakeApi.Problem(409, "Email already in use", "Someone with this email already has a FitPilot account or invitation.", """{"email":["Someone with this email already has a FitPilot account or invitation."]}"""),
                "application/problem+json");
        var cut = Render<FitPilot.Web.Pages.Trainer.Clients>();
        cut.Find("#invite-name").Change("Sam Client");
        cut.Find("#invite-email").Change("taken@example.com");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("already has a FitPilot account", Message(cut, "#invite-email")));

        cut.Find("#invite-email").Change("sam@example.com");
        Assert.Null(Message(cut, "#invite-email"));
        Api.On("POST", "/api/clients", HttpStatusCode.Created, FakeApi.Json(invited));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Invitation sent to sam@example.com.", cut.Markup));
        Assert.Equal(2, Api.Sent.Count(s => s.Method == "POST"));
    }

    [Fact]
    public void A_server_error_that_is_not_corrected_does_not_block_a_second_try()
    {
        Api.On("POST", "/api/auth/register", HttpStatusCode.Conflict,
            FakeApi.Problem(409, "Email already registered", null, $$"""{"email":["{{Taken}}"]}"""), "application/problem+json");
        var cut = Render<FitPilot.Web.Pages.Public.SignUp>();
        cut.Find("#name").Change("Robin Trainer");
        cut.Find("#email").Change("taken@example.com");
        cut.Find("#password").Change("robin-trainer-pass");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal(Taken, Message(cut, "#email")));

        cut.Find("form").Submit(); // the API judges again (the account may have been removed meanwhile)
        cut.WaitForAssertion(() => Assert.Equal(2, Api.Sent.Count));
        cut.WaitForAssertion(() => Assert.Equal(Taken, Message(cut, "#email")));
    }

    [Fact]
    public void An_exercise_without_a_primary_muscle_says_so_next_to_the_muscles_and_saves_once_one_is_ticked()
    {
        var saved = new List<ExerciseDto>();
        var cut = Render<ExerciseEditor>(ps => ps.Add(p => p.Exercise, ExerciseEditor.Blank).Add(p => p.OnSaved, saved.Add));
        cut.Find("#ex-name").Change("Landmine Press");
        cut.Find("form").Submit();

        var message = cut.Find("#primary-message .validation-message");
        Assert.Equal("Choose at least one primary muscle.", message.TextContent);
        Assert.Equal("primary-message", cut.Find("fieldset").GetAttribute("aria-describedby"));
        Assert.DoesNotContain("PrimaryMuscles", cut.Markup);
        Assert.Empty(Api.Requests);

        cut.Find("#primary-shoulders").Change(true);
        Assert.Empty(cut.FindAll("#primary-message .validation-message"));

        Api.On("POST", "/api/exercises", HttpStatusCode.Created, FakeApi.Json(new ExerciseDto("own/x", ExerciseSources.Own, "Landmine Press", null, [], null, null, null,
            ["shoulders"], [], null, null, "strength", null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [])));
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Single(saved));
    }

    [Fact]
    public void Numbers_in_a_profile_update_their_message_as_they_change()
    {
        var cut = Render<FitPilot.Web.Tests.Components.FieldsHarness>();
        cut.Find("#age").Change("5");
        Assert.Equal("Age must be from 10 to 120.", Message(cut, "#age"));
        cut.Find("#age").Change("35");
        Assert.Null(Message(cut, "#age"));
        cut.Find("#height").Change("300");
        Assert.Equal("Height (cm) must be from 50 to 260.", Message(cut, "#height"));
    }
}
