using Pricer.Data.Accounts;

namespace PricerWeb.Features.Accounts;

/// <summary>An account as the people page lists it.</summary>
public sealed record Person(string Id, string Email, PricerRole Role, DateTime CreatedAtUtc, bool IsLockedOut);
