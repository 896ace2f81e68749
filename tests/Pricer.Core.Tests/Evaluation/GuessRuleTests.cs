using Pricer.Core.Evaluation;

namespace Pricer.Core.Tests.Evaluation;

public class GuessRuleTests
{
    [Theory]
    [InlineData(100, 139.99, GuessColor.Green)]   // $39.99 off
    [InlineData(100, 140, GuessColor.Orange)]     // exactly $40 and 40%: neither green test holds
    [InlineData(300, 359.99, GuessColor.Green)]   // $59.99 is 19.997%
    [InlineData(300, 360, GuessColor.Orange)]     // exactly 20% and $60
    [InlineData(1000, 1199, GuessColor.Green)]    // 19.9% though $199 off
    [InlineData(1000, 800, GuessColor.Orange)]    // exactly 20% under, $200 off
    [InlineData(200, 279.99, GuessColor.Orange)]  // $79.99
    [InlineData(200, 280, GuessColor.Red)]        // exactly $80 and exactly 40%
    [InlineData(150, 230, GuessColor.Red)]        // exactly $80, 53%
    [InlineData(500, 699.99, GuessColor.Orange)]  // 39.998%
    [InlineData(500, 700, GuessColor.Red)]        // exactly 40%, $200
    [InlineData(30, 0, GuessColor.Green)]         // $30 off although 100%
    public void Colour_follows_the_documented_thresholds(double truth, double guess, GuessColor expected) =>
        Assert.Equal(expected, GuessRule.ColorOf(truth, guess));

    [Theory]
    [InlineData(10, -50, 10, GuessColor.Green)]   // scored as 0: $10 off
    [InlineData(100, -50, 100, GuessColor.Red)]   // scored as 0: $100 off, 100%
    [InlineData(90, -1e9, 90, GuessColor.Red)]    // $90 and 100%: the huge negative does not count
    public void Negative_guesses_are_scored_as_zero(double truth, double guess, double expectedError, GuessColor expectedColor)
    {
        Assert.Equal(expectedError, GuessRule.ErrorOf(truth, guess));
        Assert.Equal(expectedColor, GuessRule.ColorOf(truth, guess));
    }

    [Theory]
    [InlineData(-0.01, 0)]
    [InlineData(0, 0)]
    [InlineData(12.5, 12.5)]
    public void Clamp_only_lifts_negative_guesses(double guess, double expected) =>
        Assert.Equal(expected, GuessRule.Clamp(guess));
}
