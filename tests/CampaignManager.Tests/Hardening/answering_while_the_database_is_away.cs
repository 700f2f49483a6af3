using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CampaignManager.Tests.Hardening;

/// <summary>
/// PostgreSQL restarting or failing over is not our bug: the caller is told to come back in a few seconds, not to
/// report a trace id. The exceptions arrive the way Marten and Wolverine wrap them.
/// </summary>
[Collection(HardeningCollection.Name)]
public class answering_while_the_database_is_away(HardeningFixture fixture) : IntegrationContext(fixture)
{
    public static TheoryData<string> Outages => ["admin shutdown", "cannot connect now", "connection failure", "refused socket", "cut stream",
        "deadlock victim", "serialization failure"];

    private static Exception Outage(string kind) => kind switch
    {
        "admin shutdown" => new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"),
        "cannot connect now" => new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"),
        "connection failure" => new PostgresException("connection failure", "FATAL", "FATAL", "08006"),
        "deadlock victim" => new PostgresException("deadlock detected", "ERROR", "ERROR", "40P01"),
        "serialization failure" => new PostgresException("could not serialize access", "ERROR", "ERROR", "40001"),
        "refused socket" => new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        _ => new NpgsqlException("Exception while reading from stream", new EndOfStreamException())
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task a_database_outage_answers_503_with_retry_after_and_no_details(string kind)
    {
        // wrapped twice over, as Marten's command exception inside Wolverine's aggregate would be
        var wrapped = new AggregateException(new InvalidOperationException("campaigns.mt_doc_signerkey secret_thing", Outage(kind)));
        var context = new DefaultHttpContext { RequestServices = Host.Services, TraceIdentifier = "trace-4711" };
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(new MemoryStream()));
        var handler = new ProblemDetailsExceptionHandler(Host.Services.GetRequiredService<IProblemDetailsService>(),
            NullLogger<ProblemDetailsExceptionHandler>.Instance);

        (await handler.TryHandleAsync(context, wrapped, CancellationToken.None)).ShouldBeTrue();

        context.Response.StatusCode.ShouldBe(503);
        context.Response.Headers.RetryAfter.ToString().ShouldBe("5");
        context.Response.ContentType.ShouldStartWith("application/problem+json");
        var stream = context.Features.Get<IHttpResponseBodyFeature>()!.Stream;
        stream.Position = 0;
        var body = new StreamReader(stream).ReadToEnd();
        body.ShouldNotContain("secret_thing");
        body.ShouldNotContain("127.0.0.1");
        JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32().ShouldBe(503);
    }

    [Fact]
    public void a_statement_the_database_refuses_is_still_our_bug_not_an_outage()
    {
        var missingTable = new PostgresException("relation does not exist", "ERROR", "ERROR", "42P01");
        var brokenQuery = new NpgsqlException("a bug of ours", new InvalidOperationException("not a connection problem"));

        ProblemDetailsExceptionHandler.Classify(missingTable).Status.ShouldBe(500);
        ProblemDetailsExceptionHandler.Classify(brokenQuery).Status.ShouldBe(500);
    }
}
