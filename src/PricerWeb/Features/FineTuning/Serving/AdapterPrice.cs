namespace PricerWeb.Features.FineTuning.Serving;

/// <summary>What one adapter made of one text: the price, and for a Llama base the words it replied with.</summary>
public sealed record AdapterPrice(string Base, string Adapter, double Price, string? Reply);
