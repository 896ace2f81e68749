using Pricer.Data.Accounts;

namespace PricerWeb.Features.Accounts.People;

/// <summary>An Admin picked <paramref name="Role"/> for <paramref name="Person"/>.</summary>
public sealed record RoleChoice(Person Person, PricerRole Role);
