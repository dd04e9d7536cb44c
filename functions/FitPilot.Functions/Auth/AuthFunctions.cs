using FitPilot.Contracts.Auth;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Auth;

/// <summary>Sign in and out, passwords.</summary>
public sealed class AuthFunctions(Api api, AuthService auth, SessionAuth sessions, SessionCookie cookie)
{
    [Function(nameof(Login))]
    [ApiOperation("Sign in with email and password; sets the session cookie and returns a bearer token", Access.Anonymous, typeof(LoginRequest), typeof(SessionResponse),
        Problems = [401, 429])]
    public Task<IResult> Login(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/login")] HttpRequest req) =>
        api.Handle<Nobody, LoginRequest>(req, async call =>
        {
            var ip = req.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var session = await auth.LoginAsync(call.Body, ip, call.Cancellation);
            cookie.Set(call.Response, session.Token, session.ExpiresAt);
            return Reply.Ok(session);
        });

    [Function(nameof(Logout))]
    [ApiOperation("Sign out on this device: ends this session on the server (the same token or cookie stops working) and clears the cookie; other devices stay signed in",
        Access.Anonymous, null, null, 204)]
    public Task<IResult> Logout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequest req) =>
        api.Handle<Nobody>(req, async call =>
        {
            // Anonymous on purpose: a stale or foreign token still gets its cookie cleared.
            if (await sessions.AuthenticateAsync(req, call.Cancellation) is { } caller) await auth.LogOutAsync(caller.UserId, caller.SessionId, call.Cancellation);
            cookie.Clear(call.Response);
            return Reply.NoContent();
        });

    [Function(nameof(LogoutEverywhere))]
    [ApiOperation("Sign out on every device: ends all of the user's sessions", Access.SignedIn, null, null, 204, OpenWhenLapsed = true)]
    public Task<IResult> LogoutEverywhere(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout-everywhere")] HttpRequest req) =>
        api.Handle<Caller>(req, async call =>
        {
            await auth.LogOutEverywhereAsync(call.Caller.UserId, call.Cancellation);
            cookie.Clear(call.Response);
            return Reply.NoContent();
        });

    [Function(nameof(ForgotPassword))]
    [ApiOperation("Email a one-time password reset link (answers 202 whether or not the email has an account)", Access.Anonymous, typeof(ForgotPasswordRequest), null, 202)]
    public Task<IResult> ForgotPassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/forgot-password")] HttpRequest req) =>
        api.Handle<Nobody, ForgotPasswordRequest>(req, async call =>
        {
            await auth.ForgotPasswordAsync(call.Body, call.Cancellation);
            return Reply.Accepted();
        });

    [Function(nameof(ResetPassword))]
    [ApiOperation("Set a new password with the emailed one-time token", Access.Anonymous, typeof(ResetPasswordRequest), null, 204,
        Problems = [410])]
    public Task<IResult> ResetPassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/reset-password")] HttpRequest req) =>
        api.Handle<Nobody, ResetPasswordRequest>(req, async call =>
        {
            await auth.ResetPasswordAsync(call.Body, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(ChangePassword))]
    [ApiOperation("Change password (ends other sessions; returns a new one)", Access.SignedIn, typeof(ChangePasswordRequest), typeof(SessionResponse), OpenWhenLapsed = true)]
    public Task<IResult> ChangePassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "settings/password")] HttpRequest req) =>
        api.Handle<Caller, ChangePasswordRequest>(req, async call =>
        {
            var session = await auth.ChangePasswordAsync(call.Caller.UserId, call.Caller.Email, call.Body, call.Cancellation);
            cookie.Set(call.Response, session.Token, session.ExpiresAt);
            return Reply.Ok(session);
        });
}
