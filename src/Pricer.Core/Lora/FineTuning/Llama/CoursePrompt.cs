using System.Globalization;
using Pricer.Core.Models.Llama;

namespace Pricer.Core.Lora.FineTuning.Llama;

/// <summary>The course's 2024 fine-tuning prompt and completion, tokenized with the completion's labels kept apart.</summary>
public static class CoursePrompt
{
    public const string Question = "How much does this cost to the nearest dollar?";
    public const string Answer = "Price is $";

    public static string Prompt(string text) => $"{Question}\n\n{text}\n\n{Answer}";

    /// <summary>The training completion: the price rounded half-to-even (Python's round) with ".00", as the course wrote it.</summary>
    public static string Completion(double price) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(price, MidpointRounding.ToEven):0}.00");

    /// <summary>The prompt's token ids, the item text first cut to <paramref name="maxTextTokens"/> tokens as the course cut it.</summary>
    public static int[] PromptIds(Llama3Tokenizer tokenizer, string text, int maxTextTokens) =>
        tokenizer.Encode(Prompt(Truncate(tokenizer, text, maxTextTokens)));

    /// <summary>Prompt and completion ids, and how many of them are prompt (their labels are masked with -100).</summary>
    public static (int[] Ids, int PromptLength) TrainingIds(Llama3Tokenizer tokenizer, string text, double price, int maxTextTokens)
    {
        var prompt = Prompt(Truncate(tokenizer, text, maxTextTokens));
        var promptIds = tokenizer.Encode(prompt);
        var ids = tokenizer.Encode(prompt + Completion(price));
        // "$" ends a pre-token in Llama 3's split pattern, so the prompt's ids are a prefix of the whole; count the common prefix to be safe.
        var common = 0;
        while (common < promptIds.Length && common < ids.Length && promptIds[common] == ids[common]) common++;
        return (ids, common);
    }

    private static string Truncate(Llama3Tokenizer tokenizer, string text, int maxTextTokens)
    {
        var ids = tokenizer.Encode(text, addBos: false);
        return ids.Length <= maxTextTokens ? text : tokenizer.Decode(ids.Take(maxTextTokens));
    }
}
