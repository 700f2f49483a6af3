namespace CampaignManager.Hosting;

/// <summary>
/// Reads an uploaded CSV the way every import accepts it: a text/csv body, or a multipart form's file field (what a
/// browser form sends). Anything else, too large or not text is refused before a row is read.
/// </summary>
public static class CsvUpload
{
    public const long MaxBytes = 5 * 1024 * 1024;
    private static readonly string[] CsvTypes = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"];

    public static async Task<(string? Text, ProblemDetails? Problem)> ReadAsync(HttpRequest request, CancellationToken token)
    {
        // A declared size over the limit is refused before reading; the real limit is RequestLimits' count of the
        // bytes read (JsonBodyGate wraps the body), which holds when Content-Length is absent or false.
        if (request.ContentLength > MaxBytes) throw RequestLimits.TooLarge(MaxBytes);
        Stream body;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(token);
            var file = form.Files["file"] ?? form.Files.FirstOrDefault();
            if (file is null) return (null, BadFile("Attach the CSV file in a form field named 'file'."));
            body = file.OpenReadStream();
        }
        else if (request.ContentType is null || CsvTypes.Any(t => request.ContentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            body = request.Body;
        }
        else
        {
            return (null, new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType, Title = "Unsupported file type",
                Detail = "Send the file as text/csv or as multipart/form-data with a field named 'file'."
            });
        }
        using var reader = new StreamReader(body);
        var text = await reader.ReadToEndAsync(token);
        return text.Contains('\0') ? (null, BadFile("The file is not text; export the spreadsheet as CSV.")) : (text, null);
    }

    public static ProblemDetails BadFile(string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest, Title = "The file could not be imported", Detail = detail
    };
}
