namespace DualStack.Cli.Tests.Rendering;

/// <summary>
/// A small chart as <c>helm create</c> lays it out, and the exact text <c>helm template release web</c> prints for it
/// (helm is not installed here; the rendering below follows its output format: <c>---</c>, a <c># Source:</c>
/// comment, then the document).
/// </summary>
internal static class HelmChartFixture
{
    public const string ChartYaml = """
        apiVersion: v2
        name: web
        description: A web front end
        version: 0.1.0
        appVersion: "1.16.0"

        """;

    public const string Values = """
        service:
          type: ClusterIP
          port: 80
        listenUrl: http://0.0.0.0:8080

        """;

    public const string Helpers = """
        {{- define "web.fullname" -}}
        {{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
        {{- end }}

        """;

    /// <summary>DS2005 belongs at 7:1 (<c>spec</c>: the policy is omitted).</summary>
    public const string ServiceTemplate = """
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ include "web.fullname" . }}
          labels:
            app.kubernetes.io/managed-by: {{ .Release.Service }}
        spec:
          type: {{ .Values.service.type }}
          ports:
            - port: {{ .Values.service.port }}
              targetPort: http
              name: http

        """;

    /// <summary>DS2030 belongs at 13:22 (the value of ASPNETCORE_URLS).</summary>
    public const string DeploymentTemplate = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "web.fullname" . }}
        spec:
          template:
            spec:
              containers:
                - name: {{ .Chart.Name }}
                  image: "nginx:{{ .Chart.AppVersion }}"
                  env:
                    - name: ASPNETCORE_URLS
                      value: {{ .Values.listenUrl | quote }}
                    - name: LOG_LEVEL
                      value: "info"

        """;

    /// <summary>What <c>helm template release web</c> prints: DS2005 at rendered 9:1, DS2030 at rendered 29:22.</summary>
    public const string Rendered = """
        ---
        # Source: web/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: release-web
          labels:
            app.kubernetes.io/managed-by: Helm
        spec:
          type: ClusterIP
          ports:
            - port: 80
              targetPort: http
              name: http
        ---
        # Source: web/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: release-web
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: "nginx:1.16.0"
                  env:
                    - name: ASPNETCORE_URLS
                      value: "http://0.0.0.0:8080"
                    - name: LOG_LEVEL
                      value: "info"

        """;

    /// <summary>Writes the chart into <paramref name="folder"/>/web and returns the chart folder.</summary>
    public static string Write(TempFolder folder, string chartFolder = "web")
    {
        folder.Write($"{chartFolder}/Chart.yaml", ChartYaml);
        folder.Write($"{chartFolder}/values.yaml", Values);
        folder.Write($"{chartFolder}/templates/_helpers.tpl", Helpers);
        folder.Write($"{chartFolder}/templates/service.yaml", ServiceTemplate);
        folder.Write($"{chartFolder}/templates/deployment.yaml", DeploymentTemplate);
        return Path.Combine(folder.Path, chartFolder);
    }
}
