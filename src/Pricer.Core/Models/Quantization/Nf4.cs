namespace Pricer.Core.Models.Quantization;

/// <summary>
/// The 4-bit NormalFloat data type of QLoRA (Dettmers et al., 2023) as bitsandbytes stores it: 16 levels, the
/// quantiles of a standard normal rescaled to [-1, 1] with an exact zero, applied per block of 64 weights
/// scaled by the block's absolute maximum.
/// </summary>
public static class Nf4
{
    public const int BlockSize = 64;

    /// <summary>Block absmax values are themselves quantised to 8 bits in blocks of this many (double quantisation).</summary>
    public const int AbsmaxBlockSize = 256;

    public static IReadOnlyList<float> Levels { get; } =
    [
        -1.0f, -0.6961928009986877f, -0.5250730514526367f, -0.39491748809814453f,
        -0.28444138169288635f, -0.18477343022823334f, -0.09105003625154495f, 0.0f,
        0.07958029955625534f, 0.16093020141124725f, 0.24611230194568634f, 0.33791524171829224f,
        0.44070982933044434f, 0.5626170039176941f, 0.7229568362236023f, 1.0f,
    ];

    /// <summary>The widest step between neighbouring levels (−1 to −0.696): rounding to the nearest level errs by at most half of it.</summary>
    public static double LargestGap { get; } = Levels.Zip(Levels.Skip(1), (a, b) => (double)(b - a)).Max();

    /// <summary>Boundaries halfway between neighbouring levels: a normalised weight takes the level whose interval holds it.</summary>
    internal static float[] Midpoints { get; } = [.. Levels.Zip(Levels.Skip(1), (a, b) => (a + b) / 2)];
}
