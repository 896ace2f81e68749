using Pricer.Core.Items;
using Pricer.Core.Tests.Pricers;
using Pricer.Core.Text;
using Pricer.Core.Training;
using Pricer.Testing;

namespace Pricer.Core.Tests.Training;

/// <summary>
/// Small training sets: the first items of the course's training split when ../shared/data is there, else the
/// synthetic baseline fixture (its price follows the word "deluxe"), so the trainer tests run on a fresh clone too.
/// </summary>
internal static class TrainingItems
{
    public static IReadOnlyList<Item> Items(int count) =>
        SharedData.Available ? CourseData.Train.Take(count).ToList() : BaselineFixture.Train.Concat(BaselineFixture.Test).ToList();

    public static TrainingSet Set(int count) => TrainingSet.FromItems(new HashingVectorizer(), Items(count));

    /// <summary>The 60 synthetic fixture items, whether or not ../shared/data is there.</summary>
    public static TrainingSet FixtureSet() => TrainingSet.FromItems(new HashingVectorizer(), BaselineFixture.Train.Concat(BaselineFixture.Test).ToList());

    /// <summary>A small network so that trainer tests take seconds.</summary>
    public static TrainingSettings Small(int epochs) => new()
    {
        Network = new NetworkSettings { HiddenSizes = [32, 16] },
        Target = TargetKind.Log,
        Epochs = epochs,
        BatchSize = 16,
        Device = DeviceChoice.Cpu,
    };
}
