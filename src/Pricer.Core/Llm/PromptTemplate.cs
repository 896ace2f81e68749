using System.Globalization;
using System.Text;
using Pricer.Core.Embeddings;

namespace Pricer.Core.Llm;

/// <summary>Turns an item's text (and, for RAG, similar items with their prices) into the prompt the model reads.</summary>
public static class PromptTemplate
{
    public const string TextPlaceholder = "{text}";

    /// <summary>The course's prompt for frontier models.</summary>
    public const string Frontier = "Estimate the price of this product. Respond with the price, no explanation\n\n{text}";

    /// <summary>Why the template cannot be used, or null when it can.</summary>
    public static string? Problem(string? template)
    {
        if (string.IsNullOrWhiteSpace(template)) return "The prompt template is empty.";
        if (!template.Contains(TextPlaceholder, StringComparison.Ordinal)) return "The prompt template must contain {text} where the product's text goes.";
        return template.Length > 20_000 ? "The prompt template is longer than 20,000 characters." : null;
    }

    public static string Render(string template, string text) => template.Replace(TextPlaceholder, text, StringComparison.Ordinal);

    /// <summary>The course's 2025 RAG prompt: the template, then the similar items each with its price.</summary>
    public static string RenderWithSimilar(string template, string text, IReadOnlyList<SimilarItem> similar)
    {
        var prompt = new StringBuilder(Render(template, text));
        if (similar.Count == 0) return prompt.ToString();
        prompt.Append("\n\nTo help you, here are some other items that might be similar, with their prices:\n");
        foreach (var item in similar)
            prompt.Append(CultureInfo.InvariantCulture, $"\nPotentially related product:\n{item.Text}\nPrice is ${item.Price:F2}\n");
        return prompt.ToString();
    }
}
