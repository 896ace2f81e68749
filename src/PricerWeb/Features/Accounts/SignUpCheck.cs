using Pricer.Data.Accounts;

namespace PricerWeb.Features.Accounts;

/// <summary>The role a sign-up would get (and the invitation it would use), or why it is refused.</summary>
public sealed record SignUpCheck(PricerRole? Role, int? InvitationId, string? Refusal);
