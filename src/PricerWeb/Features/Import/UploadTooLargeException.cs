namespace PricerWeb.Features.Import;

public sealed class UploadTooLargeException(string fileName, long maxBytes)
    : IOException($"{fileName} is larger than the upload limit of {Uploads.FormatBytes(maxBytes)}. Import it from a server path instead, or raise Import:MaxUploadBytes.");
