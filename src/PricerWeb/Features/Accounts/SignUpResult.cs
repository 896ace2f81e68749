using Pricer.Data.Accounts;

namespace PricerWeb.Features.Accounts;

public sealed record SignUpResult(PricerUser? User, PricerRole? Role, string? Error)
{
    public static SignUpResult Refused(string error) => new(null, null, error);
}
