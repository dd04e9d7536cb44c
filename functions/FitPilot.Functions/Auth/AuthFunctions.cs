using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Http;
using FitPilot.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Auth;

/// <summary>Sign-up, sign-in and out, the signed-in user, passwords.</summary>
public sealed class AuthFunctions(Api api, AccountService accounts, SessionAuth auth, SessionCookie cookie)
{
    [Function(nameof(RegisterTrainer))]
    [ApiOperation("Sign up as a PT (starts a 7-day Solo trial) and sign in", Access.Anonymous, typeof(RegisterTrainerRequest), typeof(SessionResponse), 201,
        Problems = [409])]
    public Task<IResult> RegisterTrainer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/register")] HttpRequest req) =>
        api.Anonymous(req, async ct =>
        {
            var session = await accounts.RegisterTrainerAsync(await RequestBody.ReadAsync<RegisterTrainerRequest>(req, ct), ct);
            cookie.Set(req.HttpContext.Response, session.Token, session.ExpiresAt);
            return Api.Created("/api/me", session, req.HttpContext.Response);
        });

    [Function(nameof(Login))]
    [ApiOperation("Sign in with email and password; sets the session cookie and returns a bearer token", Access.Anonymous, typeof(LoginRequest), typeof(SessionResponse),
        Problems = [401, 429])]
    public Task<IResult> Login(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/login")] HttpRequest req) =>
        api.Anonymous(req, async ct =>
        {
            var body = await RequestBody.ReadAsync<LoginRequest>(req, ct);
            var ip = req.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var session = await accounts.LoginAsync(body, ip, ct);
            cookie.Set(req.HttpContext.Response, session.Token, session.ExpiresAt);
            return Api.Ok(session);
        });

    [Function(nameof(Logout))]
    [ApiOperation("Sign out on this device: ends this session on the server (the same token or cookie stops working) and clears the cookie; other devices stay signed in",
        Access.Anonymous, null, null, 204)]
    public Task<IResult> Logout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequest req) =>
        api.Anonymous(req, async ct =>
        {
            if (await auth.AuthenticateAsync(req, ct) is { } session) await accounts.LogOutAsync(session, ct);
            cookie.Clear(req.HttpContext.Response);
            return Results.NoContent();
        });

    [Function(nameof(LogoutEverywhere))]
    [ApiOperation("Sign out on every device: ends all of the user's sessions", Access.SignedIn, null, null, 204)]
    public Task<IResult> LogoutEverywhere(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout-everywhere")] HttpRequest req) =>
        api.SignedIn(req, async (session, ct) =>
        {
            await accounts.LogOutEverywhereAsync(session, ct);
            cookie.Clear(req.HttpContext.Response);
            return Results.NoContent();
        });

    [Function(nameof(ForgotPassword))]
    [ApiOperation("Email a one-time password reset link (answers 202 whether or not the email has an account)", Access.Anonymous, typeof(ForgotPasswordRequest), null, 202)]
    public Task<IResult> ForgotPassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/forgot-password")] HttpRequest req) =>
        api.Anonymous(req, async ct =>
        {
            await accounts.ForgotPasswordAsync(await RequestBody.ReadAsync<ForgotPasswordRequest>(req, ct), ct);
            return Results.Accepted();
        });

    [Function(nameof(ResetPassword))]
    [ApiOperation("Set a new password with the emailed one-time token", Access.Anonymous, typeof(ResetPasswordRequest), null, 204,
        Problems = [410])]
    public Task<IResult> ResetPassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/reset-password")] HttpRequest req) =>
        api.Anonymous(req, async ct =>
        {
            await accounts.ResetPasswordAsync(await RequestBody.ReadAsync<ResetPasswordRequest>(req, ct), ct);
            return Results.NoContent();
        });

    [Function(nameof(GetMe))]
    [ApiOperation("The signed-in PT or client", Access.SignedIn, null, typeof(MeResponse))]
    public Task<IResult> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest req) =>
        api.SignedIn(req, async (session, ct) => Api.Ok(await accounts.MeAsync(session, ct)));

    [Function(nameof(UpdateMe))]
    [ApiOperation("Update the signed-in user's profile (a PT sends UpdateTrainerProfileRequest, a client UpdateClientRequest)", Access.SignedIn, typeof(UpdateTrainerProfileRequest), typeof(MeResponse), AlternativeRequest = typeof(UpdateClientRequest))]
    public Task<IResult> UpdateMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me")] HttpRequest req) =>
        api.SignedIn(req, async (session, ct) =>
        {
            var me = session.IsTrainer
                ? await accounts.UpdateTrainerProfileAsync(session, await RequestBody.ReadAsync<UpdateTrainerProfileRequest>(req, ct), ct)
                : await accounts.UpdateClientProfileAsync(session, await RequestBody.ReadAsync<UpdateClientRequest>(req, ct), ct);
            return Api.Ok(me);
        });

    [Function(nameof(ChangePassword))]
    [ApiOperation("Change password (ends other sessions; returns a new one)", Access.SignedIn, typeof(ChangePasswordRequest), typeof(SessionResponse))]
    public Task<IResult> ChangePassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "settings/password")] HttpRequest req) =>
        api.SignedIn(req, async (session, ct) =>
        {
            var session2 = await accounts.ChangePasswordAsync(session, await RequestBody.ReadAsync<ChangePasswordRequest>(req, ct), ct);
            cookie.Set(req.HttpContext.Response, session2.Token, session2.ExpiresAt);
            return Api.Ok(session2);
        });
}
