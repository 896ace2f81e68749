using Pricer.Core.Lora;
using Pricer.Core.Models.Llama;
using Pricer.Core.Models.Quantization;
using Pricer.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Llama;

/// <summary>NF4 with double quantisation: error within the format's bound, a quarter of bf16's memory, and a Llama that runs on it.</summary>
public class Nf4Tests
{
    [Fact]
    public void Quantise_dequantise_error_stays_within_the_bound_of_each_block()
    {
        manual_seed(3);
        // 300 x 217 = 65,100 weights: 1,018 blocks (the last one partial) in 4 absmax groups, some blocks of larger scale.
        var weight = randn(300, 217).mul(0.05);
        weight[17] = weight[17].mul(40);
        using var quantized = Nf4Tensor.Quantize(weight);

        var restored = quantized.Dequantize();

        var blocks = cat([weight.flatten(), zeros(1018 * 64 - weight.numel())]).view(-1, 64);
        var trueAbsmax = blocks.abs().amax([1]);
        var absmaxError = quantized.BlockAbsmax().sub(trueAbsmax).abs();
        var bound = trueAbsmax.mul(Nf4.LargestGap / 2).add(absmaxError).add(1e-6).unsqueeze(1);
        var error = cat([restored.sub(weight).abs().flatten(), zeros(1018 * 64 - weight.numel())]).view(-1, 64);
        Assert.Equal(weight.shape, restored.shape);
        Assert.True(error.le(bound).all().item<bool>(), $"largest excess over the bound: {error.sub(bound).max().item<float>()}");
        Assert.True(absmaxError.max().item<float>() < trueAbsmax.max().item<float>() / 100, "double quantisation of the absmax should err by under 1%");
        Assert.Equal(0.1519, Nf4.LargestGap / 2, 3);
    }

    [Fact]
    public void Levels_are_kept_exactly_and_the_packed_form_is_a_quarter_of_bf16()
    {
        var levels = tensor(Nf4.Levels.ToArray()).repeat(1024).view(256, 64);
        using var quantized = Nf4Tensor.Quantize(levels);

        Assert.True(quantized.Dequantize().allclose(levels, rtol: 0, atol: 1e-6));
        using var large = Nf4Tensor.Quantize(randn(1024, 1024));
        var bf16Bytes = 2.0 * large.ElementCount;
        // 0.5 byte per weight + 1 byte per 64 + 4 bytes per 16,384 + 4: about 4.13 bits a weight.
        Assert.Equal(1024 * 1024 / 2 + 1024 * 1024 / 64 + 4 * 64 + 4, large.ByteSize);
        Assert.InRange(large.ByteSize / bf16Bytes, 0.25, 0.26);
    }

    [Fact]
    public void Nf4_linear_passes_the_gradient_of_its_dequantised_weight_back_to_its_input()
    {
        manual_seed(5);
        using var layer = Nf4Linear.Quantize(randn(48, 80).mul(0.1));
        var dequantized = layer.Weight.Dequantize();
        var input = randn(3, 7, 80, requires_grad: true);
        var same = input.detach().clone().requires_grad_(true);

        var output = layer.call(input);
        output.pow(2).sum().backward();
        var expected = nn.functional.linear(same, dequantized);
        expected.pow(2).sum().backward();

        Assert.Equal([3, 7, 48], output.shape);
        Assert.True(output.allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.True(input.grad!.allclose(same.grad!, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Nf4_loaded_llama_is_close_to_the_full_one_and_lora_over_it_starts_at_the_base()
    {
        using var folder = new TempFolder();
        TinyLlama.Write(folder.Path, TinyLlama.Config());
        using var full = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });
        using var nf4 = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU, Nf4 = true });
        var ids = tensor(new long[] { 270, 80, 114, 105, 99, 101, 32, 105, 115, 32, 36 }, [1, 11]);
        using var _ = no_grad();

        var exact = full.Model.call(ids);
        var quantized = nf4.Model.call(ids);
        var relative = quantized.sub(exact).norm().item<float>() / exact.norm().item<float>();
        Assert.InRange(relative, 1e-4, 0.2);
        Assert.Equal(14, nf4.Model.modules().OfType<Nf4Linear>().Count());

        using var lora = new LoraModel(nf4.Model);
        var adapter = lora.AddAdapter("qlora", new LoraConfig { TargetModules = ["q_proj", "k_proj", "v_proj", "o_proj"] });
        Assert.Equal(8, adapter.Layers.Count);
        Assert.True(nf4.Model.call(ids).allclose(quantized, rtol: 0, atol: 0));
    }
}
