using Pricer.Core.Items;

namespace Pricer.Core.Tests.Pricers;

internal static class MeanAbsoluteError
{
    public static double Of(IReadOnlyList<Item> items, IReadOnlyList<double> guesses) =>
        items.Zip(guesses, (item, guess) => Math.Abs(item.Price - guess)).Average();
}
