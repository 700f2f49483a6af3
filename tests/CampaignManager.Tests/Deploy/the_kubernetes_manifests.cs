namespace CampaignManager.Tests.Deploy;

/// <summary>deploy/kubernetes/*.yaml, checked as data: no cluster here, so the checks are the ones a typo would break.</summary>
public partial class the_kubernetes_manifests
{
    private static readonly List<Dictionary<object, object>> Manifests =
        DeployFiles.KubernetesManifests().SelectMany(DeployFiles.YamlDocuments).ToList();

    private static Dictionary<object, object> Single(string kind) => Manifests.Single(m => m.Text("kind") == kind);
    private static Dictionary<object, object> Deployment => Single("Deployment");
    private static Dictionary<object, object> PodTemplate(Dictionary<object, object> workload) => workload.Map("spec").Map("template");
    private static Dictionary<object, object> AppContainer => (Dictionary<object, object>)PodTemplate(Deployment).Map("spec").List("containers").Single();
    private static Dictionary<object, object> JobContainer => (Dictionary<object, object>)PodTemplate(Single("Job")).Map("spec").List("containers").Single();

    private static bool Selects(Dictionary<object, object> selector, Dictionary<object, object> labels) =>
        selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var v) && Equals(v, s.Value));

    [Fact]
    public void every_manifest_has_a_kind_and_a_name_and_the_kustomization_applies_all_but_the_secret_example()
    {
        Manifests.Where(m => m.Text("kind") != "Kustomization").ShouldAllBe(m => m.Text("apiVersion") != null && m.Map("metadata").Text("name") != null);
        Manifests.Select(m => m.Text("kind")).Order()
            .ShouldBe(["ConfigMap", "Deployment", "Job", "Kustomization", "PodDisruptionBudget", "Secret", "Service"]);
        var resources = Single("Kustomization").List("resources").Cast<string>().Order();
        var files = DeployFiles.KubernetesManifests().Select(Path.GetFileName)
            .Where(f => f is not ("kustomization.yaml" or "secret.example.yaml")).Order();
        resources.ShouldBe(files!);
    }

    [Fact]
    public void the_deployment_runs_at_least_two_replicas_of_the_image_the_kustomization_sets()
    {
        int.Parse(Deployment.Map("spec").Text("replicas")!).ShouldBeGreaterThanOrEqualTo(2);
        var image = Single("Kustomization").List("images").Cast<Dictionary<object, object>>().Single().Text("name");
        (AppContainer.Text("image"), JobContainer.Text("image")).ShouldBe((image, image));
    }

    [Fact]
    public void the_service_and_the_disruption_budget_select_the_deployments_pods_and_not_the_migration_pod()
    {
        var podLabels = PodTemplate(Deployment).Map("metadata").Map("labels");
        var jobLabels = PodTemplate(Single("Job")).Map("metadata").Map("labels");
        var selectors = new Dictionary<string, Dictionary<object, object>>
        {
            ["Deployment"] = Deployment.Map("spec").Map("selector").Map("matchLabels"),
            ["Service"] = Single("Service").Map("spec").Map("selector"),
            ["PodDisruptionBudget"] = Single("PodDisruptionBudget").Map("spec").Map("selector").Map("matchLabels"),
        };
        foreach (var (kind, selector) in selectors)
        {
            Selects(selector, podLabels).ShouldBeTrue($"{kind} selector does not match the app pods");
            Selects(selector, jobLabels).ShouldBeFalse($"{kind} selector also matches the db-apply pod");
        }
        // one disruption at a time may take a node, never the last one
        int.Parse(Single("PodDisruptionBudget").Map("spec").Text("minAvailable")!).ShouldBeInRange(1, int.Parse(Deployment.Map("spec").Text("replicas")!) - 1);
    }

    [Fact]
    public void the_probes_and_the_service_use_the_container_port_the_image_listens_on()
    {
        var ports = AppContainer.List("ports").Cast<Dictionary<object, object>>()
            .ToDictionary(p => p.Text("name")!, p => p.Text("containerPort")!);
        ports.Values.ShouldBe([DeployFiles.ImageEnvironment()["ASPNETCORE_HTTP_PORTS"]]);

        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            var port = AppContainer.Map(probe).Map("httpGet").Text("port");
            (ports.ContainsKey(port!) || ports.ContainsValue(port!)).ShouldBeTrue($"{probe} port {port} is not a container port");
        }
        var target = Single("Service").Map("spec").List("ports").Cast<Dictionary<object, object>>().Single().Text("targetPort")!;
        (ports.ContainsKey(target) || ports.ContainsValue(target)).ShouldBeTrue();
        // liveness must not depend on the database, or an outage restarts every node at once
        AppContainer.Map("livenessProbe").Map("httpGet").Text("path").ShouldBe("/health/live");
        AppContainer.Map("readinessProbe").Map("httpGet").Text("path").ShouldBe("/health/ready");
    }

    [Fact]
    public void every_variable_set_for_the_app_or_the_migration_is_a_setting_the_app_reads()
    {
        var configMap = Single("ConfigMap").Map("data").Keys.Cast<string>();
        foreach (var (name, container) in new[] { ("app", AppContainer), ("db-apply", JobContainer) })
        {
            container.List("envFrom").Cast<Dictionary<object, object>>().ShouldAllBe(e => e.Map("configMapRef").Text("name") == "campaignmanager");
            var env = container.List("env").Cast<Dictionary<object, object>>().ToDictionary(e => e.Text("name")!, e => e.Text("value") ?? "");
            var fromConfigMap = container.ContainsKey("envFrom") ? configMap : [];
            // a helper variable only there to be substituted into another one, like $(POD_NAME), is not for the app
            var helpers = env.Values.SelectMany(v => Reference().Matches(v)).Select(m => m.Groups[1].Value).ToHashSet();
            var unknown = env.Keys.Concat(fromConfigMap).Where(k => !helpers.Contains(k) && !AppSettings.IsReadByApp(k)).ToList();
            unknown.ShouldBeEmpty($"{name} gets variables the app never reads");
        }
    }

    [Fact]
    public void the_connection_string_and_smtp_credentials_come_from_keys_the_documented_secret_has()
    {
        var secret = Single("Secret");
        var documented = secret.Map("stringData").Keys.Cast<string>().ToHashSet();
        var refs = new[] { AppContainer, JobContainer }.SelectMany(c => c.List("env").Cast<Dictionary<object, object>>())
            .Where(e => e.Map("valueFrom").ContainsKey("secretKeyRef")).ToList();

        refs.ShouldAllBe(e => e.Map("valueFrom").Map("secretKeyRef").Text("name") == secret.Map("metadata").Text("name"));
        refs.Select(e => e.Map("valueFrom").Map("secretKeyRef").Text("key")!).Distinct().Order().ShouldBe(documented.Order());
        refs.Select(e => e.Text("name")).ShouldContain("ConnectionStrings__Marten");
        Single("ConfigMap").Map("data").Keys.Cast<string>().ShouldNotContain(k => k.StartsWith("ConnectionStrings") || k.EndsWith("Password"));
    }

    [Fact]
    public void the_migration_job_runs_db_apply_once_and_is_not_restarted_in_place()
    {
        JobContainer.List("args").Cast<string>().ShouldBe(["db-apply"]);
        JobContainer.ContainsKey("command").ShouldBeFalse("the image's ENTRYPOINT (dotnet CampaignManager.dll) must run it");
        PodTemplate(Single("Job")).Map("spec").Text("restartPolicy").ShouldBe("Never");
    }

    public static IEnumerable<string> ProbedPaths() =>
        new[] { "startupProbe", "livenessProbe", "readinessProbe" }.Select(p => AppContainer.Map(p).Map("httpGet").Text("path")!);

    public static IEnumerable<string> Commands() => JobContainer.List("args").Cast<string>().Take(1);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
