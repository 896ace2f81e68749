using Pricer.Core.Items.HuggingFace;

namespace PricerWeb.Tests.HuggingFace;

public class HubDatasetIdTests
{
    [Theory]
    [InlineData("hf:ed-donner/items_lite", "ed-donner", "items_lite", "main")]
    [InlineData("HF:ed-donner/items_full@v1.0", "ed-donner", "items_full", "v1.0")]
    [InlineData("hf:McAuley-Lab/Amazon-Reviews-2023@refs/convert/parquet", "McAuley-Lab", "Amazon-Reviews-2023", "refs/convert/parquet")]
    [InlineData("hf:a/b@0123456789abcdef0123456789abcdef01234567", "a", "b", "0123456789abcdef0123456789abcdef01234567")]
    public void Reads_owner_name_and_revision(string source, string owner, string name, string revision)
    {
        var id = HubDatasetId.Parse(source, "main");

        Assert.Equal((owner, name, revision), (id.Owner, id.Name, id.Revision));
        Assert.Equal($"hf:{owner}/{name}@{revision}", id.ToString());
    }

    [Theory]
    [InlineData("hf:../../etc")]
    [InlineData("hf:../../etc/passwd")]
    [InlineData("hf:owner/..")]
    [InlineData("hf:./name")]
    [InlineData("hf:owner/na..me")]
    [InlineData("hf:own er/name")]
    [InlineData("hf:owner/name ")]
    [InlineData("hf:%2e%2e/%2e%2e")]
    [InlineData("hf:owner/na%2Fme")]
    [InlineData("hf:owner/name/extra")]
    [InlineData("hf:owner\\name")]
    [InlineData("hf:owner/name\n")]
    [InlineData("hf:owner/name\u0000")]
    [InlineData("hf:ownér/name")]
    [InlineData("hf:-owner/name")]
    [InlineData("hf:owner/name-")]
    [InlineData("hf:owner/na--me")]
    [InlineData("hf:owner/name@../../x")]
    [InlineData("hf:owner/name@/etc")]
    [InlineData("hf:owner/name@")]
    [InlineData("hf:owner/name@main@dev")]
    [InlineData("hf:owner/name@ma in")]
    [InlineData("hf:owner/name@refs//x")]
    [InlineData("hf:/name")]
    [InlineData("hf:owner/")]
    [InlineData("hf:")]
    [InlineData("hf:name")]
    [InlineData("https://huggingface.co/datasets/owner/name")]
    public void Refuses_hostile_or_malformed_ids_with_a_clear_message(string source)
    {
        var error = Assert.Throws<ArgumentException>(() => HubDatasetId.Parse(source, "main"));

        Assert.Contains("hf:owner/name", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\0', error.Message);
    }

    [Fact]
    public void Refuses_an_overlong_id_and_keeps_the_message_short()
    {
        var source = $"hf:owner/{new string('a', 10_000)}";

        var error = Assert.Throws<ArgumentException>(() => HubDatasetId.Parse(source, "main"));

        Assert.True(error.Message.Length < 400, error.Message);
    }
}
