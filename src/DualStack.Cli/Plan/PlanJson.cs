using System.Globalization;
using System.Numerics;
using System.Text.Json;
using DualStack.Cli.Output;
using DualStack.Manifests.Planning;

namespace DualStack.Cli.Plan;

/// <summary>
/// The plan's JSON contract (README "dslint plan", schema <c>docs/plan.schema.json</c>). Names never change; counts
/// are decimal strings because IPv6 counts pass 2^53; every value says where it came from (<c>source</c>).
/// </summary>
internal static class PlanJson
{
    public static void Write(PlanRun run, TextWriter writer) => JsonOutput.Write(writer, json =>
    {
        var plan = run.Plan!;
        json.WriteStartObject();
        json.WriteString("tool", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("kubernetesVersion", plan.KubernetesVersion.ToString());
        json.WriteStartArray("families");
        foreach (var family in plan.Families.Families)
        {
            json.WriteStringValue(family.ToString());
        }

        json.WriteEndArray();
        json.WriteString("primaryFamily", plan.Families.Primary.ToString());
        Source(json, "familyOrderSource", plan.FamiliesSource);
        json.WriteStartArray("sources");
        foreach (var source in plan.Sources)
        {
            json.WriteStringValue(source);
        }

        json.WriteEndArray();
        json.WriteStartArray("plans");
        foreach (var family in plan.FamilyPlans)
        {
            FamilyPlan(json, family);
        }

        json.WriteEndArray();
        Nodes(json, plan.Nodes);
        json.WriteStartArray("overlaps");
        foreach (var overlap in plan.Overlaps)
        {
            json.WriteStartObject();
            Range(json, "first", overlap.First);
            Range(json, "second", overlap.Second);
            json.WriteString("relation", Camel(overlap.Relation.ToString()));
            json.WriteStringOrNull("ruleId", overlap.Rule);
            json.WriteBoolean("reportedByLint", overlap.ReportedByLint);
            json.WriteBoolean("expected", overlap.Expected);
            json.WriteString("meaning", overlap.Meaning);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Fit(json, plan.Fit);
        json.WriteStartArray("findings");
        foreach (var finding in run.InputFindings)
        {
            JsonFormatter.WriteFinding(json, finding);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void FamilyPlan(Utf8JsonWriter json, FamilyPlan family)
    {
        json.WriteStartObject();
        json.WriteString("family", family.Family.ToString());
        json.WriteBoolean("primary", family.Primary);
        if (family.Pods is { } pods)
        {
            json.WriteStartObject("pods");
            Ranges(json, "ranges", pods.Ranges);
            var allocation = pods.Allocation;
            json.WriteStartObject("allocation");
            json.WriteString("method", Camel(allocation.Method.ToString()));
            json.WriteString("tool", allocation.Tool);
            json.WriteNumber("mask", allocation.Mask);
            Source(json, "maskSource", allocation.MaskSource);
            Count(json, "nodeRanges", allocation.NodeRanges);
            Count(json, "addressesPerRange", allocation.AddressesPerRange);
            Count(json, "usablePerRange", allocation.UsablePerRange);
            json.WriteStringOrNull("problem", allocation.Problem);
            json.WriteStringOrNull("ruleId", allocation.Rule);
            json.WriteEndObject();
            json.WriteNumber("maxPods", pods.MaxPods);
            Source(json, "maxPodsSource", pods.MaxPodsSource);
            Count(json, "podsPerNode", pods.PodsPerNode);
            Count(json, "nodes", pods.Nodes);
            json.WriteString("bindingLimit", Camel(pods.BindingLimit.ToString()));
            Count(json, "totalAddresses", pods.TotalAddresses);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("pods");
        }

        if (family.Service is { } service)
        {
            json.WriteStartObject("service");
            Range(json, "range", service.Range);
            var limit = service.Limit;
            json.WriteStartObject("sizeLimit");
            json.WriteNumber("maxHostBits", limit.MaxHostBits);
            json.WriteNumber("minPrefix", limit.MinPrefix);
            json.WriteBoolean("enforced", limit.Enforced);
            json.WriteString("enforcedBy", limit.EnforcedBy);
            json.WriteNumber("minAddresses", limit.MinAddresses);
            json.WriteBoolean("tooLarge", limit.TooLarge);
            json.WriteBoolean("tooSmall", limit.TooSmall);
            json.WriteString("ruleId", limit.Rule);
            json.WriteEndObject();
            json.WriteStartArray("taken");
            foreach (var taken in service.Taken)
            {
                json.WriteStartObject();
                json.WriteString("address", taken.Address.ToString());
                json.WriteString("purpose", Camel(taken.Purpose.ToString()));
                json.WriteString("note", taken.Note);
                json.WriteBoolean("inside", taken.Inside);
                Source(json, "source", taken.Source);
                json.WriteStringOrNull("ruleId", taken.Rule);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Ranges(json, "serviceCidrObjects", service.ExtraRanges);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("service");
        }

        Ranges(json, "pools", family.Pools);
        json.WriteEndObject();
    }

    private static void Nodes(Utf8JsonWriter json, NodeAddresses nodes)
    {
        json.WriteStartObject("nodes");
        Addresses(json, "nodeIps", nodes.NodeIps);
        Addresses(json, "advertiseAddresses", nodes.AdvertiseAddresses);
        json.WriteStartArray("certificateNames");
        foreach (var san in nodes.Sans)
        {
            json.WriteStartObject();
            json.WriteString("name", san.Name);
            json.WriteStringOrNull("address", san.Address?.ToString());
            Source(json, "source", san.Source);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Fit(Utf8JsonWriter json, FitResult? fit)
    {
        if (fit is null)
        {
            json.WriteNull("fit");
            return;
        }

        json.WriteStartObject("fit");
        Count(json, "nodes", fit.Nodes);
        Count(json, "podsPerNode", fit.PodsPerNode);
        json.WriteBoolean("fits", fit.Fits);
        json.WriteStartArray("families");
        foreach (var family in fit.Families)
        {
            json.WriteStartObject();
            json.WriteString("family", family.Family.ToString());
            json.WriteBoolean("fits", family.Fits);
            Count(json, "nodeCapacity", family.NodeCapacity);
            Count(json, "podsPerNodeCapacity", family.PodsPerNodeCapacity);
            json.WriteString("bindingLimit", Camel(family.Binding.ToString()));
            json.WriteStartArray("changes");
            foreach (var change in family.Changes)
            {
                json.WriteStringValue(change);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Addresses(Utf8JsonWriter json, string name, IEnumerable<PlanAddress> addresses)
    {
        json.WriteStartArray(name);
        foreach (var address in addresses)
        {
            json.WriteStartObject();
            json.WriteString("address", address.Address.ToString());
            json.WriteString("family", address.Address.Family.ToString());
            Source(json, "source", address.Source);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Ranges(Utf8JsonWriter json, string name, IEnumerable<PlanRange> ranges)
    {
        json.WriteStartArray(name);
        foreach (var range in ranges)
        {
            RangeBody(json, range);
        }

        json.WriteEndArray();
    }

    private static void Range(Utf8JsonWriter json, string name, PlanRange range)
    {
        json.WritePropertyName(name);
        RangeBody(json, range);
    }

    private static void RangeBody(Utf8JsonWriter json, PlanRange range)
    {
        json.WriteStartObject();
        json.WriteString("cidr", range.Cidr.ToString());
        json.WriteString("role", Camel(range.Role.ToString()));
        json.WriteString("family", range.Family.ToString());
        json.WriteNumber("prefixLength", range.Cidr.FamilyPrefixLength);
        json.WriteNumber("hostBits", range.HostBits);
        Count(json, "size", range.Size);
        json.WriteStringOrNull("name", range.Name);
        Source(json, "source", range.Source);
        json.WriteEndObject();
    }

    private static void Source(Utf8JsonWriter json, string name, PlanSource? source)
    {
        if (source is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("file", source.File);
        json.WriteNumber("line", source.Line);
        json.WriteNumber("column", source.Column);
        json.WriteString("field", source.Field);
        json.WriteBoolean("default", source.IsDefault);
        json.WriteEndObject();
    }

    private static void Count(Utf8JsonWriter json, string name, BigInteger value) =>
        json.WriteString(name, value.ToString(CultureInfo.InvariantCulture));

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
}
