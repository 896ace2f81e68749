namespace PricerWeb.Features.Guessing;

public static class GuessingFeature
{
    /// <summary>The guessing rate limit; campaigns, guesses and scores come from AddPricerData.</summary>
    public static IServiceCollection AddGuessingFeature(this IServiceCollection services)
    {
        services.AddOptions<GuessingOptions>().BindConfiguration(GuessingOptions.SectionName);
        services.AddSingleton<GuessLimiter>();
        return services;
    }
}
