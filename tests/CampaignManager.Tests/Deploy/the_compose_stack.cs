using Npgsql;

namespace CampaignManager.Tests.Deploy;

/// <summary>deploy/compose.yaml and the Caddyfile it mounts, checked as data (no Docker engine here to run them).</summary>
public partial class the_compose_stack
{
    private static readonly Dictionary<object, object> Compose = DeployFiles.Yaml("deploy/compose.yaml");
    private static Dictionary<object, object> Services => Compose.Map("services");

    /// <summary>Every service built from the app's image, the nodes and the one-shot commands alike.</summary>
    public static Dictionary<string, Dictionary<object, object>> AppContainers() =>
        Services.Where(s => s.Value.Map("build").Text("dockerfile") == "deploy/Dockerfile")
            .ToDictionary(s => (string)s.Key, s => (Dictionary<object, object>)s.Value);

    /// <summary>The long-running app nodes: the app containers that run the image's default command.</summary>
    public static Dictionary<string, Dictionary<object, object>> AppNodes() =>
        AppContainers().Where(s => !s.Value.ContainsKey("command")).ToDictionary();

    private static Dictionary<string, string> Environment(Dictionary<object, object> service) =>
        service.Map("environment").ToDictionary(e => (string)e.Key, e => e.Value?.ToString() ?? "");

    [Fact]
    public void the_stack_runs_two_app_nodes_and_one_shot_db_apply_and_seed_commands_from_the_same_image()
    {
        AppNodes().Keys.Order().ShouldBe(["app1", "app2"]);
        AppContainers().Where(s => s.Value.ContainsKey("command"))
            .ToDictionary(s => s.Key, s => string.Join(' ', s.Value.List("command")))
            .ShouldBe(new Dictionary<string, string> { ["migrate"] = "db-apply", ["seed"] = "seed" });
        AppContainers().Values.Select(s => s.Text("image")).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public void every_variable_set_for_an_app_container_is_a_setting_the_app_reads()
    {
        foreach (var (name, service) in AppContainers())
        {
            var unknown = Environment(service).Keys.Where(k => !AppSettings.IsReadByApp(k)).ToList();
            unknown.ShouldBeEmpty($"{name} sets variables the app never reads");
        }
    }

    [Fact]
    public void the_schema_is_applied_against_a_healthy_database_before_the_dataset_is_loaded_and_before_any_node_starts()
    {
        Services.Map("migrate").Map("depends_on").Map("postgres").Text("condition").ShouldBe("service_healthy");
        Services.Map("seed").Map("depends_on").Map("migrate").Text("condition").ShouldBe("service_completed_successfully");
        foreach (var (name, node) in AppNodes())
        {
            node.Map("depends_on").Map("migrate").Text("condition").ShouldBe("service_completed_successfully", name);
            node.Map("depends_on").Map("seed").Text("condition").ShouldBe("service_completed_successfully", name);
            // two nodes loading the dataset at the same time would race; the seed service does it once
            Environment(node)["Seeds__LoadOnStart"].ShouldBe("false", name);
        }
    }

    [Fact]
    public void postgres_keeps_its_data_in_a_named_volume_and_reports_when_it_accepts_connections()
    {
        var postgres = Services.Map("postgres");
        var mount = postgres.List("volumes").Cast<string>().Single();
        mount.ShouldEndWith(":/var/lib/postgresql/data");
        Compose.Map("volumes").Keys.ShouldContain(mount.Split(':')[0]);
        string.Join(' ', postgres.Map("healthcheck").List("test")).ShouldContain("pg_isready");
    }

    [Fact]
    public void the_app_nodes_send_appeals_to_the_mail_catcher_whose_web_ui_is_published()
    {
        var mailpit = Services.Map("mailpit");
        mailpit.Text("image")!.ShouldStartWith("axllent/mailpit");
        mailpit.List("ports").Cast<string>().ShouldContain("8025:8025");
        foreach (var (name, node) in AppNodes())
        {
            var env = Environment(node);
            (env["Smtp__Host"], env["Smtp__Port"]).ShouldBe(("mailpit", "1025"), name);  // Mailpit's SMTP port
        }
    }

    [Fact]
    public void the_nodes_connection_pools_fit_in_postgres_max_connections_with_room_for_the_one_shot_commands()
    {
        var maxConnections = int.Parse(Services.Map("postgres").List("command").Cast<string>()
            .Single(a => a.StartsWith("max_connections=")).Split('=')[1]);
        int Pool(Dictionary<object, object> s) => new NpgsqlConnectionStringBuilder(Environment(s)["ConnectionStrings__Marten"]).MaxPoolSize;
        var nodes = AppNodes().Values.Sum(Pool);
        var largestOneShot = AppContainers().Values.Where(s => s.ContainsKey("command")).Max(Pool);
        // the one-shots run one after the other (seed waits for migrate), but `docker compose run seed` may come later
        (nodes + largestOneShot).ShouldBeLessThanOrEqualTo(maxConnections - 3);  // 3: superuser_reserved_connections
    }

    [Fact]
    public void the_proxy_balances_over_every_app_node_on_the_port_the_image_listens_on()
    {
        var proxy = Services.Map("proxy");
        proxy.List("volumes").Cast<string>().ShouldContain("./Caddyfile:/etc/caddy/Caddyfile:ro");
        var caddyfile = File.ReadAllText(DeployFiles.PathOf("deploy/Caddyfile"));
        var upstreams = Upstreams().Match(caddyfile).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var port = DeployFiles.ImageEnvironment()["ASPNETCORE_HTTP_PORTS"];
        upstreams.Order().ShouldBe(AppNodes().Keys.Order().Select(n => $"{n}:{port}"));
        foreach (var node in AppNodes().Values) Environment(node).ShouldNotContainKey("ASPNETCORE_HTTP_PORTS");
        proxy.List("ports").Cast<string>().ShouldContain("8080:80");
    }

    /// <summary>Paths the stack's health checks request: the app nodes' own checks and Caddy's active checks.</summary>
    public static IEnumerable<string> ProbedPaths()
    {
        foreach (var node in AppNodes().Values)
        {
            var test = node.Map("healthcheck").List("test").Cast<string>().ToList();
            test[..2].ShouldBe(["CMD", "campaignmanager-healthcheck"]);
            yield return test[2];
        }
        yield return HealthUri().Match(File.ReadAllText(DeployFiles.PathOf("deploy/Caddyfile"))).Groups[1].Value;
    }

    [GeneratedRegex(@"reverse_proxy ([^{\n]+)\{")]
    private static partial Regex Upstreams();

    [GeneratedRegex(@"health_uri (\S+)")]
    private static partial Regex HealthUri();
}
