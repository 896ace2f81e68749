using System.Text.RegularExpressions;

namespace Pricer.Core.Lora;

/// <summary>
/// One adapter's settings, as PEFT's LoraConfig names them. Targets are module names matched PEFT's way: a
/// listed name matches a module path equal to it or ending in "." + it; a pattern must match the whole path.
/// </summary>
public sealed partial record LoraConfig
{
    public int Rank { get; init; } = 8;

    public double Alpha { get; init; } = 16;

    public double Dropout { get; init; } = 0.1;

    public IReadOnlyList<string> TargetModules { get; init; } = ["query", "value"];

    /// <summary>A regular expression over module paths; when set it replaces <see cref="TargetModules"/>.</summary>
    public string? TargetPattern { get; init; }

    /// <summary>
    /// PEFT's layers_to_transform: only modules whose path holds ".&lt;name&gt;.&lt;index&gt;." with one of these indices
    /// (encoder.layer.4.attention.self.query is layer 4) are targeted; null targets every layer. Applies to name lists only, as in PEFT.
    /// </summary>
    public IReadOnlyList<int>? LayersToTransform { get; init; }

    public string Bias { get; init; } = "none";

    public string? TaskType { get; init; }

    public string? BaseModelNameOrPath { get; init; }

    /// <summary>PEFT's scaling of B·A: alpha / r.</summary>
    public double Scaling => Alpha / Rank;

    public bool Targets(string modulePath) =>
        TargetPattern is { } pattern
            ? Regex.IsMatch(modulePath, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1))
            : TargetModules.Contains(modulePath) ||
              (TargetModules.Any(name => modulePath.EndsWith("." + name, StringComparison.Ordinal)) && InChosenLayer(modulePath));

    /// <summary>The layer index PEFT reads from a module path (the number in its last ".name.N." part), or null.</summary>
    public static int? LayerIndex(string modulePath)
    {
        var match = LayerIndexPattern().Match(modulePath);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, out var index) ? index : null;
    }

    private bool InChosenLayer(string modulePath) =>
        LayersToTransform is not { } layers || (LayerIndex(modulePath) is { } index && layers.Contains(index));

    /// <summary>Throws with a plain message when a setting cannot make an adapter.</summary>
    public void Validate()
    {
        if (Rank < 1 || Rank > 4096) throw new ArgumentException($"LoRA rank must be between 1 and 4096 (got {Rank}).");
        if (!double.IsFinite(Alpha) || Alpha <= 0) throw new ArgumentException($"LoRA alpha must be a positive number (got {Alpha}).");
        if (!double.IsFinite(Dropout) || Dropout < 0 || Dropout >= 1) throw new ArgumentException($"LoRA dropout must be in [0, 1) (got {Dropout}).");
        if (LayersToTransform is { } layers)
        {
            if (TargetPattern != null) throw new ArgumentException("Layers to transform apply to a list of target names, not to a pattern (PEFT ignores them there).");
            if (layers.Count == 0 || layers.Any(l => l < 0)) throw new ArgumentException("Layers to transform must be one or more layer indices from 0.");
        }
        if (Bias != "none") throw new ArgumentException($"Only bias \"none\" is supported (got \"{Bias}\").");
        if (TargetPattern is { } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"The target pattern is not a valid regular expression: {e.Message}");
            }
        }
        else if (TargetModules.Count == 0 || TargetModules.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one target module (for example query,value).");
        }
    }

    // PEFT's own default (layers_pattern unset): re.match(r".*\.[^.]*\.(\d+)\.", key).
    [GeneratedRegex(@"^.*\.[^.]*\.(\d+)\.")]
    private static partial Regex LayerIndexPattern();
}
