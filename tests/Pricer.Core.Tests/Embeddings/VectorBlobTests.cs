using Pricer.Core.Embeddings;

namespace Pricer.Core.Tests.Embeddings;

public class VectorBlobTests
{
    [Fact]
    public void A_vector_survives_the_round_trip_bit_for_bit()
    {
        float[] vector = [0.5f, -1.25f, float.Epsilon, 3.4028235e38f];

        Assert.Equal(vector, VectorBlob.ToVector(VectorBlob.ToBytes(vector)));
        Assert.Equal(16, VectorBlob.ToBytes(vector).Length);
    }

    [Fact]
    public void A_blob_of_the_wrong_size_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => VectorBlob.CopyTo(new byte[10], new float[3]));
        Assert.Contains("10 bytes", error.Message);
    }
}
