using Pricer.Core.Evaluation;
using Pricer.Core.Items;

namespace Pricer.Core.Tests.Evaluation;

public class ReportDefinitionTests
{
    [Theory]
    [InlineData("course2024", Split.Test, 250)]
    [InlineData("course2025", Split.Test, 200)]
    [InlineData("test", Split.Test, null)]
    [InlineData("validation", Split.Validation, null)]
    public void Each_report_scores_its_split_and_size(string key, Split split, int? size)
    {
        Assert.True(ReportDefinition.TryFind(key, out var report));
        Assert.Equal((key, split, size), (report.Key, report.Split, report.Size));
    }

    [Fact]
    public void The_course_reports_headline_the_course_metrics()
    {
        Assert.Equal([Metric.Error, Metric.Rmsle, Metric.Hits], ReportDefinition.Course2024.Headline);
        Assert.Equal([Metric.Error, Metric.Mse, Metric.R2], ReportDefinition.Course2025.Headline);
    }

    [Fact]
    public void Keys_are_found_ignoring_case_and_spaces()
    {
        Assert.True(ReportDefinition.TryFind(" Course2024 ", out var report));
        Assert.Same(ReportDefinition.Course2024, report);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("course 2024")]
    [InlineData("train")]
    public void Unknown_keys_are_not_found(string? key) =>
        Assert.False(ReportDefinition.TryFind(key, out _));

    [Theory]
    [InlineData(2000, 250)]
    [InlineData(250, 250)]
    [InlineData(100, 100)]
    public void Covers_at_most_its_size(int splitCount, int expected) =>
        Assert.Equal(expected, ReportDefinition.Course2024.CountIn(splitCount));

    [Fact]
    public void Whole_split_reports_cover_every_item() =>
        Assert.Equal(2000, ReportDefinition.Test.CountIn(2000));
}
