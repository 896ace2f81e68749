namespace Pricer.Core.Items.Import;

/// <summary>
/// The source as a whole cannot be read (missing path, unknown format, required columns absent, a corrupt
/// file): unlike a bad row, no choice of the user's lets the import go on.
/// </summary>
public sealed class ItemSourceException(string message, Exception? innerException = null) : Exception(message, innerException);
