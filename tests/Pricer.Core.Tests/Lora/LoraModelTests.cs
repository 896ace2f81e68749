using Pricer.Core.Lora;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Lora;

public class LoraModelTests
{
    private static readonly LoraConfig QueryValue = new() { Rank = 2, Alpha = 4, Dropout = 0 };

    [Fact]
    public void Fresh_adapter_has_zero_B_and_leaves_the_output_unchanged()
    {
        manual_seed(1);
        using var net = new TinyEncoder();
        using var input = randn(3, 6);
        using var before = net.call(input);
        using var lora = new LoraModel(net);

        var adapter = lora.AddAdapter("price", QueryValue);
        using var after = net.call(input);

        Assert.All(adapter.Layers.Values, l => Assert.Equal(0f, l.B.abs().sum().item<float>()));
        Assert.All(adapter.Layers.Values, l => Assert.True(l.A.abs().sum().item<float>() > 0));
        Assert.True(before.allclose(after, rtol: 0, atol: 0));
    }

    [Fact]
    public void A_starts_kaiming_uniform_within_one_over_root_fan_in()
    {
        manual_seed(2);
        using var net = new TinyEncoder(width: 64, blocks: 1);
        using var lora = new LoraModel(net);
        var a = lora.AddAdapter("x", QueryValue with { Rank = 16 }).Layers["layer.0.query"].A;

        // kaiming_uniform_(a = sqrt 5) draws from U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
        var bound = 1 / Math.Sqrt(64);
        Assert.True(a.abs().max().item<float>() <= bound);
        Assert.True(a.abs().max().item<float>() > bound * 0.9);
    }

    [Fact]
    public void Targets_by_name_list_and_by_pattern_pick_the_named_linears_only()
    {
        using var net = new TinyEncoder();
        using var lora = new LoraModel(net);

        var byName = lora.AddAdapter("names", QueryValue);
        var byPattern = lora.AddAdapter("pattern", QueryValue with { TargetPattern = @"layer\.1\.(query|dense)" });

        Assert.Equal(["layer.0.query", "layer.0.value", "layer.1.query", "layer.1.value"], byName.Layers.Keys.Order());
        Assert.Equal(["layer.1.dense", "layer.1.query"], byPattern.Layers.Keys.Order());
    }

    [Fact]
    public void Targets_that_match_nothing_or_bad_settings_are_refused_and_add_nothing()
    {
        using var net = new TinyEncoder();
        using var lora = new LoraModel(net);

        var none = Assert.Throws<ArgumentException>(() => lora.AddAdapter("a", QueryValue with { TargetModules = ["q_proj"] }));
        Assert.Contains("query", none.Message);
        Assert.Throws<ArgumentException>(() => lora.AddAdapter("a", QueryValue with { Rank = 0 }));
        Assert.Throws<ArgumentException>(() => lora.AddAdapter("a", QueryValue with { Dropout = 1.5 }));
        Assert.Throws<ArgumentException>(() => lora.AddAdapter("a", QueryValue with { TargetPattern = "(" }));
        Assert.Empty(lora.Adapters);
    }

    [Fact]
    public void Merged_and_unmerged_outputs_agree_and_unmerge_restores_the_base_weights()
    {
        manual_seed(3);
        using var net = new TinyEncoder();
        using var input = randn(4, 6);
        using var lora = new LoraModel(net);
        var adapter = lora.AddAdapter("price", QueryValue);
        Randomise(adapter);
        using var baseWeight = net.state_dict()["layer.0.query.weight"].clone();

        using var hooked = net.call(input);
        lora.Merge("price");
        using var merged = net.call(input);
        lora.Unmerge("price");
        using var unmerged = net.call(input);

        Assert.True(hooked.allclose(merged, rtol: 1e-5, atol: 1e-5));
        Assert.True(hooked.allclose(unmerged, rtol: 1e-5, atol: 1e-5));
        Assert.True(net.state_dict()["layer.0.query.weight"].allclose(baseWeight, rtol: 0, atol: 1e-6));
        Assert.False(hooked.allclose(BaseOutput(lora, input), rtol: 1e-3, atol: 1e-3));
    }

    [Fact]
    public void Each_request_uses_the_adapter_it_names_and_null_means_the_bare_base()
    {
        manual_seed(4);
        using var net = new TinyEncoder();
        using var input = randn(2, 6);
        using var plain = net.call(input);
        using var lora = new LoraModel(net);
        Randomise(lora.AddAdapter("alice", QueryValue));
        Randomise(lora.AddAdapter("bob", QueryValue with { TargetModules = ["dense"] }));

        using var alice = lora.Use("alice", () => net.call(input));
        using var bob = lora.Use("bob", () => net.call(input));
        using var none = lora.Use(null, () => net.call(input));

        Assert.False(alice.allclose(bob, rtol: 1e-3, atol: 1e-3));
        Assert.True(none.allclose(plain, rtol: 0, atol: 0));
        Assert.Equal("bob", lora.ActiveAdapter);
        Assert.Throws<ArgumentException>(() => lora.Use("carol", () => 0));
    }

    [Fact]
    public void Parameter_report_counts_base_and_adapter_in_PEFTs_words()
    {
        using var net = new TinyEncoder();
        using var lora = new LoraModel(net);
        var adapter = lora.AddAdapter("price", QueryValue);

        var report = ParameterReport.Of(net.parameters().Concat(adapter.TrainableParameters()));

        // 2 blocks x 3 linears x (36 + 6) = 252 base; 4 targets x (2x6 + 6x2) = 96 LoRA.
        Assert.Equal(96, report.TrainableParameters);
        Assert.Equal(348, report.AllParameters);
        Assert.Equal("trainable params: 96 || all params: 348 || trainable%: 27.5862", report.ToString());
        Assert.Equal("trainable params: 1,234,567 || all params: 22,713,216 || trainable%: 5.4355",
            new ParameterReport(1_234_567, 22_713_216).ToString());
    }

    [Fact]
    public void Only_adapter_weights_train_and_the_loss_goes_down()
    {
        manual_seed(5);
        using var net = new TinyEncoder();
        using var lora = new LoraModel(net);
        var adapter = lora.AddAdapter("fit", QueryValue with { Rank = 4 });
        using var input = randn(32, 6);
        using var target = randn(32, 6);
        using var baseWeight = net.state_dict()["layer.0.dense.weight"].clone();
        using var optimizer = optim.AdamW(adapter.TrainableParameters(), lr: 0.02);

        var losses = new List<float>();
        for (var step = 0; step < 60; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(net.call(input), target);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        Assert.True(losses[^1] < losses[0] * 0.9, $"loss went {losses[0]} -> {losses[^1]}");
        Assert.True(net.state_dict()["layer.0.dense.weight"].allclose(baseWeight, rtol: 0, atol: 0));
        Assert.All(net.parameters(), p => Assert.False(p.requires_grad));
    }

    internal static void Randomise(LoraAdapter adapter)
    {
        using var _ = no_grad();
        foreach (var layer in adapter.Layers.Values) layer.B.copy_(randn_like(layer.B) * 0.5);
    }

    private static Tensor BaseOutput(LoraModel lora, Tensor input) => lora.Use(null, () => ((nn.Module<Tensor, Tensor>)lora.Base).call(input));
}
