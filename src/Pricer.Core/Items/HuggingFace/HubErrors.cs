using System.Net;

namespace Pricer.Core.Items.HuggingFace;

/// <summary>Turns the Hub's refusals into messages that say what to do; the token is named by its variable, never shown.</summary>
internal static class HubErrors
{
    /// <param name="file">The file being downloaded, or null for the listing.</param>
    public static HubException FromResponse(HttpResponseMessage response, HubDatasetId dataset, string? file, HuggingFaceOptions options)
    {
        var status = response.StatusCode;
        var code = Header(response, "X-Error-Code");
        var variable = options.TokenEnvironmentVariable;
        var hasToken = options.ReadToken() is not null;
        var answer = $"{(int)status} {response.ReasonPhrase}".TrimEnd();
        var message = status switch
        {
            HttpStatusCode.Unauthorized when hasToken =>
                $"The Hub refused the access token in {variable} for {dataset} ({answer}). Check that the token is valid and that its account can read this data set.",
            HttpStatusCode.Unauthorized =>
                $"The Hub needs a login for {dataset} ({answer}): the data set is private, gated or does not exist. " +
                $"If it exists, set {variable} to a Hugging Face access token that can read it.",
            HttpStatusCode.Forbidden when code == "GatedRepo" =>
                $"{dataset} is gated ({answer}). Accept its conditions on its Hub page, then set {variable} to an access token of that account.",
            HttpStatusCode.Forbidden =>
                $"The Hub refused access to {dataset} ({answer}). Set {variable} to an access token that can read it" +
                (hasToken ? "; the one set now cannot." : "."),
            HttpStatusCode.NotFound when code == "RevisionNotFound" =>
                $"{dataset.RepoId} has no revision '{dataset.Revision}' ({answer}). Check the part after '@' in the source.",
            HttpStatusCode.NotFound when file is not null =>
                $"The file {file} of {dataset} is not on the Hub ({answer}); the data set may have changed since it was listed. Import again.",
            HttpStatusCode.NotFound =>
                $"There is no data set {dataset.RepoId} on {options.Endpoint} ({answer}). Check the owner and the name (hf:owner/name).",
            HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
                $"The Hub kept answering {answer} for {dataset} after {options.MaxRetries} retries. Try again later.",
            _ => $"The Hub answered {answer} for {file ?? "the file listing"} of {dataset}.",
        };
        return new HubException(message, status);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
