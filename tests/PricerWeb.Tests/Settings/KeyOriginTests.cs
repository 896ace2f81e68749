using Pricer.Core.Llm;

namespace PricerWeb.Tests.Settings;

public sealed class KeyOriginTests
{
    [Theory]
    [InlineData("", null, "none needed")]
    [InlineData("PRICER_KEY", null, "not set")]
    [InlineData("PRICER_KEY", "  ", "not set")]
    [InlineData("PRICER_KEY", "sk-secret", "environment variable PRICER_KEY")]
    public void The_environment_origin_names_the_variable_and_never_the_key(string variable, string? value, string expected)
    {
        var provider = new LlmProviderOptions { Name = "p", ApiKeyEnvironmentVariable = variable };

        var described = ApiKeys.DescribeEnvironment(provider, name => name == variable ? value : null);

        Assert.Equal(expected, described);
    }
}
