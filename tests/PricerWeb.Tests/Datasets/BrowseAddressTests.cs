using Pricer.Core.Items;
using Pricer.Data.Items.Browsing;
using PricerWeb.Features.Datasets;

namespace PricerWeb.Tests.Datasets;

public class BrowseAddressTests
{
    [Fact]
    public void A_filter_survives_the_trip_through_the_address()
    {
        var filter = new ItemFilter(3, Split.Validation, "", 0.5, 1234.75, "brake \"pads\"");

        var query = BrowseAddress.ToQuery(filter);
        var back = BrowseAddress.ToFilter(3, (string?)query["split"], (string?)query["category"], (string?)query["min"], (string?)query["max"], (string?)query["q"]);

        Assert.Equal(filter, back);
        Assert.Equal("0.5", query["min"]);
    }

    [Fact]
    public void Values_that_do_not_parse_are_ignored()
    {
        var filter = BrowseAddress.ToFilter(1, "everything", null, "cheap", "NaN", "   ");

        Assert.Equal(new ItemFilter(1), filter);
    }

    [Fact]
    public void An_empty_filter_leaves_nothing_in_the_address()
    {
        Assert.All(BrowseAddress.ToQuery(new ItemFilter(1)).Values, Assert.Null);
        Assert.Equal("datasets/my%20items%2F2024", BrowseAddress.DatasetPath("my items/2024"));
    }
}
