using System.Text.Json.Nodes;
using FitPilot.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace FitPilot.Tests.Infra;

/// <summary>azure.yaml, infra/main.parameters.json and the GitHub Actions workflow: valid and wired to what exists.</summary>
public sealed class DeployFilesTests
{
    private static YamlMappingNode Yaml(params string[] path)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine([TestPaths.Repo, .. path])));
        stream.Load(reader); // throws on invalid YAML
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];
    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;

    [Fact]
    public void Azure_yaml_deploys_the_function_app_and_the_static_web_app_and_runs_the_hooks()
    {
        var root = Yaml("azure.yaml");
        Assert.Equal("bicep", Scalar(Map(root, "infra"), "provider"));
        Assert.True(File.Exists(Path.Combine(TestPaths.Repo, Scalar(Map(root, "infra"), "path"), Scalar(Map(root, "infra"), "module") + ".bicep")));

        var services = Map(root, "services");
        var api = Map(services, "api");
        Assert.Equal("function", Scalar(api, "host"));
        Assert.True(File.Exists(Path.Combine(TestPaths.Repo, Scalar(api, "project"), "FitPilot.FunctionApp.csproj")));
        var web = Map(services, "web");
        Assert.Equal("staticwebapp", Scalar(web, "host"));
        Assert.True(File.Exists(Path.Combine(TestPaths.Repo, Scalar(web, "project"), "FitPilot.Web.csproj")));
        Assert.EndsWith("publish/wwwroot", Scalar(web, "dist"));
        // The published app carries its Static Web Apps config.
        Assert.True(File.Exists(Path.Combine(TestPaths.Repo, Scalar(web, "project"), "wwwroot", "staticwebapp.config.json")));

        foreach (var hook in new[] { "postprovision", "postdeploy" })
        {
            var script = Scalar(Map(Map(Map(root, "hooks"), hook), "posix"), "run");
            var file = Path.Combine(TestPaths.Repo, script.TrimStart('.', '/'));
            Assert.True(File.Exists(file), file);
            Assert.StartsWith("#!/bin/sh", File.ReadAllText(file));
            if (!OperatingSystem.IsWindows())
                Assert.True((File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0, file + " is not executable");
        }
    }

    [Fact]
    public void The_parameters_file_gives_every_required_parameter_of_main_bicep()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Repo, "infra", "main.parameters.json")))!["parameters"]!.AsObject();
        Assert.Equal("${AZURE_ENV_NAME}", (string?)parameters["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)parameters["location"]!["value"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", (string?)parameters["principalId"]!["value"]);

        // Required = declared in main.bicep without a default value.
        var bicep = File.ReadAllLines(Path.Combine(TestPaths.Repo, "infra", "main.bicep"));
        var required = bicep.Where(l => l.StartsWith("param ", StringComparison.Ordinal) && !l.Contains('='))
            .Select(l => l.Split(' ')[1]).ToList();
        Assert.NotEmpty(required);
        Assert.Empty(required.Except(parameters.Select(p => p.Key)));
        // No secret goes through azd's plain-text .env.
        Assert.DoesNotContain(parameters, p => p.Key.StartsWith("stripe", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_ci_workflow_is_valid_yaml_and_deploys_main_with_federated_credentials()
    {
        var root = Yaml(".github", "workflows", "ci.yml");
        var triggers = Map(root, "on");
        Assert.Contains(new YamlScalarNode("push"), triggers.Children.Keys);
        Assert.Contains(new YamlScalarNode("pull_request"), triggers.Children.Keys);

        var jobs = Map(root, "jobs");
        var test = Map(jobs, "build-test");
        var testRuns = ((YamlSequenceNode)test["steps"]).OfType<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("run")).Select(s => Scalar(s, "run")).ToList();
        Assert.Contains(testRuns, r => r.Contains(".ci/run") || r.Contains("dotnet test"));

        var deploy = Map(jobs, "deploy");
        Assert.Contains("refs/heads/main", Scalar(deploy, "if"));
        Assert.Equal("build-test", Scalar(deploy, "needs"));
        Assert.Equal("write", Scalar(Map(deploy, "permissions"), "id-token"));
        var steps = ((YamlSequenceNode)deploy["steps"]).OfType<YamlMappingNode>().ToList();
        var login = steps.Single(s => s.Children.ContainsKey("uses") && Scalar(s, "uses").StartsWith("azure/login@", StringComparison.Ordinal));
        Assert.DoesNotContain(new YamlScalarNode("creds"), Map(login, "with").Children.Keys); // OIDC, not a stored secret
        var runs = string.Join("\n", steps.Where(s => s.Children.ContainsKey("run")).Select(s => Scalar(s, "run")));
        Assert.Contains("--federated-credential-provider github", runs);
        Assert.Contains("azd provision", runs);
        Assert.Contains("azd deploy", runs);
        Assert.DoesNotContain("secrets.", File.ReadAllText(Path.Combine(TestPaths.Repo, ".github", "workflows", "ci.yml")));
    }
}
