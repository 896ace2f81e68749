using Microsoft.Playwright;
using PricerWeb.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PricerWeb.BrowserTests;

public sealed class LlamaBaseFormTests(ChromiumFixture chromium, LlamaBaseAppFixture app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output), IClassFixture<LlamaBaseAppFixture>
{
    [Fact]
    public async Task A_configured_llama_base_is_offered_with_its_own_settings_and_a_broken_one_says_what_is_missing()
    {
        await using var member = await OpenPageAsAsync(TestAccount.Member);
        var page = member.Page;
        await member.GotoAsync("/fine-tuning/new");
        await member.WaitForCircuitAsync();
        await Expect(page.GetByTestId("ft-base-problem")).ToContainTextAsync($"{LlamaBaseAppFixture.Broken} cannot be used:");
        await Expect(page.GetByTestId("ft-base-problem")).ToContainTextAsync("has no tokenizer.json");
        await Expect(page.GetByTestId("ft-nf4")).ToHaveCountAsync(0);

        await page.GetByTestId("ft-base").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = LlamaBaseAppFixture.Base }).ClickAsync();

        await Expect(page.GetByTestId("ft-base-description")).ToContainTextAsync("NF4 (QLoRA)");
        var targets = page.GetByTestId("ft-targets").Locator("input");
        await Expect(targets).ToHaveCountAsync(7);
        foreach (var module in new[] { "q_proj", "k_proj", "v_proj", "o_proj" })
            await Expect(page.Locator($"[data-testid=ft-target-{module}] input, input[data-testid=ft-target-{module}]")).ToBeCheckedAsync();
        foreach (var module in new[] { "gate_proj", "up_proj", "down_proj" })
            await Expect(page.Locator($"[data-testid=ft-target-{module}] input, input[data-testid=ft-target-{module}]")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid=ft-nf4] input, input[data-testid=ft-nf4]")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("ft-max-new-tokens")).ToContainTextAsync("up to 5 new tokens");
        await Expect(page.GetByTestId("ft-max-text-tokens")).ToHaveValueAsync("160");
        await Expect(page.GetByTestId("ft-lr")).ToHaveValueAsync("0.0001");
        await Expect(page.GetByTestId("ft-schedule")).ToHaveCountAsync(0);
        if (Environment.GetEnvironmentVariable("PRICER_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "fine-tuning-new-llama.png"), FullPage = true });

        member.AssertNoConsoleErrors();
    }
}
