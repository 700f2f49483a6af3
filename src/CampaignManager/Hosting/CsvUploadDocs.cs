using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CampaignManager.Hosting;

/// <summary>
/// One column of an import file's header: its name, whether the header must have it, what it holds, and the other
/// names it is recognised by in exports from other tools (see <see cref="CsvHeaders"/>).
/// </summary>
public record CsvColumn(string Name, bool Required, string Meaning, IReadOnlyList<string>? Aliases = null);

/// <summary>An import file's format: the columns its header may carry, in the order a template lists them.</summary>
public interface ICsvFormat
{
    static abstract IReadOnlyList<CsvColumn> Columns { get; }
}

/// <summary>What <see cref="CsvUploadOperations"/> finds on an endpoint that reads a CSV upload itself.</summary>
public interface ICsvUploadMetadata
{
    IReadOnlyList<CsvColumn> Columns { get; }
}

/// <summary>
/// Marks an endpoint that reads its CSV through <see cref="CsvUpload"/>. The endpoint takes the raw request, so neither
/// ASP.NET nor Wolverine can infer a body; and it must not carry accepts metadata with a request type, which
/// <see cref="JsonBodyGate"/> takes to mean a JSON command.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CsvUploadAttribute<TFormat> : Attribute, ICsvUploadMetadata where TFormat : ICsvFormat
{
    public IReadOnlyList<CsvColumn> Columns => TFormat.Columns;
}

/// <summary>
/// Writes the request body of every <see cref="CsvUploadAttribute{TFormat}"/> endpoint into the OpenAPI document, as
/// <see cref="CsvUpload"/> reads it: a multipart form with the file in the field <c>file</c>, or the CSV text as the
/// body itself; and the header's columns, so an integrator can build the file from the document alone.
/// </summary>
internal sealed class CsvUploadOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ICsvUploadMetadata>().FirstOrDefault() is not { } upload)
            return Task.CompletedTask;
        var header = string.Join(',', upload.Columns.Select(c => c.Name));
        var columns = string.Join('\n', upload.Columns.Select(c => $"- `{c.Name}`{(c.Required ? " (required)" : "")}: {c.Meaning}" +
            (c.Aliases is { Count: > 0 } a ? $" (also read from {string.Join(", ", a.Select(x => $"`{x}`"))})" : "")));
        var description =
            $"A CSV file (UTF-8, comma-separated, at most {CsvUpload.MaxBytes / (1024 * 1024)} MB and {CsvTable.MaxRows} rows), " +
            "as the field `file` of a multipart form or as the body itself (`text/csv`). The first line is the header: " +
            "the column names, in any order, case, spacing and punctuation ignored; the required ones must be there, the others " +
            "may be left out. A column by any other name is ignored and listed in the report's `ignoredColumns`; two columns " +
            "giving the same field refuse the whole file (400). Each further row stands alone: a bad one is reported, not " +
            $"fatal.\n\n{columns}";
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String, Format = "binary",
                                Description = $"The CSV file; its header: {header}"
                            }
                        }
                    },
                    Encoding = new Dictionary<string, OpenApiEncoding> { ["file"] = new() { ContentType = "text/csv" } }
                },
                ["text/csv"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The CSV text, header first" },
                    Example = JsonValue.Create(header + "\n")
                }
            }
        };
        return Task.CompletedTask;
    }
}
