using System.Buffers.Binary;
using System.Text;
using Pricer.Core.Models.Safetensors;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Lora;

public class SafetensorsFileTests
{
    [Theory]
    [InlineData(SafetensorsDType.F32, 0.0)]
    [InlineData(SafetensorsDType.F16, 1e-3)]
    [InlineData(SafetensorsDType.BF16, 1e-2)]
    public void Tensors_and_metadata_round_trip(SafetensorsDType dtype, double tolerance)
    {
        manual_seed(9);
        using var source = randn(3, 4);
        var stream = new MemoryStream();
        SafetensorsFile.Write(stream, new Dictionary<string, SafeTensor> { ["w"] = SafeTensor.From(source, dtype), ["b"] = SafeTensor.From(zeros(2), dtype) },
            new Dictionary<string, string> { ["format"] = "pt" });

        stream.Position = 0;
        var metadata = new Dictionary<string, string>();
        var read = SafetensorsFile.Read(stream, metadata);

        Assert.Equal("pt", metadata["format"]);
        Assert.Equal([3L, 4L], read["w"].Shape);
        Assert.Equal(dtype, read["w"].DType);
        using var back = read["w"].ToTensor();
        Assert.True(back.allclose(source, rtol: tolerance, atol: tolerance));
        Assert.Equal(0, BinaryPrimitives.ReadInt64LittleEndian(stream.ToArray()) % 8);
    }

    [Fact]
    public void Bfloat16_rounds_to_nearest_even_as_torch_does()
    {
        using var values = tensor(new[] { 1.00390625f, 1.01171875f, -3.14159f, 65504f });
        var stored = SafeTensor.From(values, SafetensorsDType.BF16);
        using var expected = values.to(ScalarType.BFloat16).to(ScalarType.Float32);

        Assert.Equal(expected.data<float>().ToArray(), stored.ToFloats());
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "too short")]
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f }, "not a valid safetensors header")]
    [InlineData(new byte[] { 100, 0, 0, 0, 0, 0, 0, 0, (byte)'{' }, "ends inside")]
    public void Broken_files_are_refused_with_a_reason(byte[] bytes, string expected)
    {
        var error = Assert.Throws<SafetensorsException>(() => SafetensorsFile.Read(new MemoryStream(bytes)));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,16]}}", "outside")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", "need 12")]
    [InlineData("{\"w\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", "only F32, F16 and BF16")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":\"x\",\"data_offsets\":[0,8]}}", "no shape")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"w\":", "not valid JSON")]
    public void Headers_that_lie_about_their_data_are_refused(string header, string expected)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + 8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, json.Length);
        json.CopyTo(bytes, 8);

        var error = Assert.Throws<SafetensorsException>(() => SafetensorsFile.Read(new MemoryStream(bytes)));

        Assert.Contains(expected, error.Message);
    }
}
