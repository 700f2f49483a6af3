using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CampaignManager.Tests.Hardening;

/// <summary>Our own bug must not tell the caller how the app is built; it must tell the log everything.</summary>
[Collection(HardeningCollection.Name)]
public class answering_an_unexpected_error(HardeningFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task an_unexpected_error_answers_a_generic_500_with_a_trace_id_and_logs_the_details()
    {
        var log = new RecordingLogger();
        var handler = new ProblemDetailsExceptionHandler(Host.Services.GetRequiredService<IProblemDetailsService>(), log);
        var context = new DefaultHttpContext { RequestServices = Host.Services, TraceIdentifier = "trace-4711" };
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(new MemoryStream()));
        var secret = new InvalidOperationException("relation campaigns.mt_doc_letter column secret_thing broke");

        (await handler.TryHandleAsync(context, secret, CancellationToken.None)).ShouldBeTrue();

        context.Response.StatusCode.ShouldBe(500);
        context.Response.ContentType.ShouldStartWith("application/problem+json");
        var body = ReadBody(context);
        body.ShouldNotContain("secret_thing");
        body.ShouldNotContain("InvalidOperationException");
        JsonDocument.Parse(body).RootElement.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
        log.Entries.ShouldContain(e => e.Level == LogLevel.Error && e.Exception == secret);
    }

    private static string ReadBody(HttpContext context)
    {
        var stream = context.Features.Get<IHttpResponseBodyFeature>()!.Stream;
        stream.Position = 0;
        return new StreamReader(stream).ReadToEnd();
    }

    private sealed class RecordingLogger : ILogger<ProblemDetailsExceptionHandler>
    {
        public List<(LogLevel Level, Exception? Exception)> Entries { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, exception));
    }
}
