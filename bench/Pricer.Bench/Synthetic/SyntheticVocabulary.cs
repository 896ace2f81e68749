namespace Pricer.Bench.Synthetic;

/// <summary>
/// Words the synthetic items are made of, ranked for Zipf sampling (p ~ 1/rank). Calibrated on the course's
/// items (~130 words an item, 40k distinct words in 8k items): function words at the top appear in nearly
/// every item, product words sit at ranks 40-1,000 (in 25% down to 1% of items, as "black" 10%, "wireless"
/// 2%, "brake" 0.3% do in the real data), and made-up words fill the long tail.
/// </summary>
internal static class SyntheticVocabulary
{
    public const int Size = 30_000;
    private const int ProductWordSpacing = 5;


    /// <summary>The categories of the course's items ("" is an item without one).</summary>
    public static readonly string[] Categories =
    [
        "Automotive", "Electronics", "Office_Products", "Tools_and_Home_Improvement", "Cell_Phones_and_Accessories",
        "Toys_and_Games", "Appliances", "Musical_Instruments", "Software", "",
    ];

    private static readonly string[] FunctionWords =
    [
        "the", "and", "for", "with", "to", "of", "a", "in", "is", "your", "this", "it", "that", "on", "are",
        "from", "can", "be", "or", "by", "as", "use", "you", "will", "not", "all", "more", "one", "our", "made",
        "up", "an", "easy", "new", "any", "each", "also", "great", "perfect", "most",
    ];

    public static readonly string[] ProductWords =
    [
        "black", "steel", "wireless", "portable", "set", "pack", "kit", "replacement", "professional", "compatible",
        "stainless", "inch", "adjustable", "heavy", "duty", "led", "light", "power", "cable", "battery",
        "cover", "case", "holder", "mount", "charger", "usb", "digital", "electric", "white", "silver",
        "premium", "high", "quality", "durable", "install", "fitting", "home", "office", "car", "kitchen",
        "guitar", "string", "bass", "audio", "speaker", "bluetooth", "phone", "screen", "protector", "tempered",
        "glass", "filter", "water", "air", "pump", "hose", "valve", "drill", "bit", "saw",
        "blade", "wrench", "socket", "hammer", "tape", "measure", "level", "tool", "storage", "box",
        "organizer", "desk", "chair", "paper", "pen", "ink", "printer", "label", "notebook", "marker",
        "toy", "game", "puzzle", "card", "board", "kids", "gift", "building", "blocks", "doll",
        "engine", "brake", "pad", "rotor", "headlight", "bulb", "wiper", "mat", "seat", "tire",
        "washer", "dryer", "refrigerator", "dishwasher", "oven", "microwave", "motor", "belt", "element", "thermostat",
        "software", "license", "download", "edition", "windows", "mac", "antivirus", "studio", "design", "photo",
        "keyboard", "mouse", "monitor", "laptop", "tablet", "camera", "lens", "tripod", "microphone", "headphones",
        "amplifier", "pedal", "drum", "piano", "violin", "ukulele", "strap", "tuner", "capo", "pick",
        "aluminum", "plastic", "rubber", "leather", "nylon", "copper", "brass", "wood", "carbon", "ceramic",
        "small", "large", "medium", "mini", "compact", "lightweight", "waterproof", "rechargeable", "universal", "smart",
        "red", "blue", "green", "gray", "clear", "gold", "pink", "orange", "yellow", "purple",
        "fits", "model", "series", "year", "front", "rear", "left", "right", "upper", "lower",
        "pro", "plus", "max", "ultra", "classic", "deluxe", "standard", "advanced", "original", "genuine",
        "volt", "watt", "amp", "ohm", "mm", "cm", "feet", "pound", "ounce", "gallon",
    ];

    public static readonly string[] DetailKeys =
    [
        "Brand", "Color", "Material", "Item Weight", "Product Dimensions", "Manufacturer", "Model Number",
        "Power Source", "Voltage", "Style", "Size", "Country of Origin", "Item model number", "Special Feature",
        "Included Components", "Mounting Type", "Finish Type", "Number of Pieces", "Warranty Description",
    ];

    /// <summary>All words, most frequent first (declared after the lists it is built from).</summary>
    public static readonly string[] Ranked = Rank();

    private static string[] Rank()
    {
        var ranked = new string?[Size];
        var shuffle = new Random(1);
        FunctionWords.CopyTo(ranked, 0);
        for (var k = 0; k < ProductWords.Length; k++) ranked[FunctionWords.Length + k * ProductWordSpacing] = ProductWords[k];
        // Shuffled so that frequent made-up words do not all share a first syllable.
        var madeUp = MadeUpWords().OrderBy(_ => shuffle.Next()).GetEnumerator();
        for (var r = 0; r < Size; r++)
        {
            if (ranked[r] != null) continue;
            madeUp.MoveNext();
            ranked[r] = madeUp.Current;
        }
        return ranked!;
    }

    /// <summary>Three-syllable non-words ("kalomi"), distinct from each other and from the real words.</summary>
    private static IEnumerable<string> MadeUpWords()
    {
        string[] syllables =
        [
            "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "bu", "da", "fe", "go", "hi", "ju", "ko", "le", "ma",
            "no", "pi", "qu", "ri", "so", "tu", "va", "we", "xo", "yu", "zi", "ba", "ce", "di", "fo", "ga", "he", "jo",
        ];
        foreach (var a in syllables)
            foreach (var b in syllables)
                foreach (var c in syllables)
                    yield return a + b + c;
    }
}
