using System.Text;
using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>
/// Draws each guess from the seed and the item's id, so an item gets the same guess whatever list it is in
/// or order it comes in (the course drew one sequence with random.seed(42) instead).
/// </summary>
internal sealed class RandomPricer(string name, int seed) : IPricer
{
    public string Name { get; } = name;

    public double Price(Item item) => new Random(Mix(seed, item.Id)).Next(1, 1000);

    /// <summary>FNV-1a over the id's UTF-8 bytes, salted with the seed: stable across processes, unlike string.GetHashCode.</summary>
    private static int Mix(int seed, string id)
    {
        var hash = 14695981039346656037UL ^ (uint)seed;
        foreach (var b in Encoding.UTF8.GetBytes(id))
            hash = (hash ^ b) * 1099511628211UL;
        return (int)(hash ^ (hash >> 32));
    }
}
