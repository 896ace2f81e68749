using System.Globalization;
using TorchSharp.Modules;

namespace Pricer.Core.Lora;

/// <summary>Trainable and total parameter counts, printed as PEFT's print_trainable_parameters prints them.</summary>
public sealed record ParameterReport(long TrainableParameters, long AllParameters)
{
    public double TrainablePercent => AllParameters == 0 ? 0 : 100.0 * TrainableParameters / AllParameters;

    public static ParameterReport Of(IEnumerable<Parameter> parameters)
    {
        long trainable = 0, all = 0;
        foreach (var parameter in parameters.Distinct())
        {
            all += parameter.numel();
            if (parameter.requires_grad) trainable += parameter.numel();
        }
        return new ParameterReport(trainable, all);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"trainable params: {TrainableParameters:N0} || all params: {AllParameters:N0} || trainable%: {TrainablePercent:F4}");
}
