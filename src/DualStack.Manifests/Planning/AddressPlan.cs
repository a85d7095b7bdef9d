using System.Numerics;
using DualStack.Manifests.Cluster.Config;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Planning;

/// <summary>
/// The cluster's dual-stack address plan, computed from the run's cluster model (the one <c>lint</c> checks): per
/// family the pod ranges and how they are cut per node, the service range with its taken addresses and size limit,
/// the node addresses the configuration names, and every overlap with the DS3xxx rule that reports it.
/// </summary>
public sealed class AddressPlan
{
    public AddressPlan(
        IpFamilies families,
        PlanSource? familiesSource,
        KubernetesVersion kubernetesVersion,
        IReadOnlyList<FamilyPlan> familyPlans,
        NodeAddresses nodes,
        IReadOnlyList<PlanOverlap> overlaps,
        IReadOnlyList<string> sources)
    {
        Families = families;
        FamiliesSource = familiesSource;
        KubernetesVersion = kubernetesVersion;
        FamilyPlans = familyPlans;
        Nodes = nodes;
        Overlaps = overlaps;
        Sources = sources;
    }

    /// <summary>The cluster's families, the preferred (primary) one first.</summary>
    public IpFamilies Families { get; }

    /// <summary>The setting that fixes the family order (the first service range, or <c>extraCNIEnv.IPv6_SUPPORT</c>).</summary>
    public PlanSource? FamiliesSource { get; }

    public KubernetesVersion KubernetesVersion { get; }

    /// <summary>One plan per family the configuration names, the primary first.</summary>
    public IReadOnlyList<FamilyPlan> FamilyPlans { get; }

    public NodeAddresses Nodes { get; }

    public IReadOnlyList<PlanOverlap> Overlaps { get; }

    /// <summary>The files the cluster model was built from, in input order.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Set by <see cref="AddressPlanner.Fit"/> when a node count or pod density was asked for.</summary>
    public FitResult? Fit { get; internal set; }
}

/// <summary>Where a value of the plan comes from: file, line and key path, or the tool's default for that key.</summary>
public sealed record PlanSource(string File, int Line, int Column, string Field, bool IsDefault)
{
    public static PlanSource From(ConfigValue value) => new(value.Path, value.Span.Line, value.Span.Column, value.Field, value.IsDefault);

    public override string ToString() => IsDefault ? $"default of {Field} ({File})" : $"{File}:{Line} {Field}";
}

/// <summary>What a range of the plan is.</summary>
public enum PlanRangeRole
{
    Pod,
    Service,

    /// <summary>A ServiceCIDR object among the inputs: more service addresses beside the configured range.</summary>
    ExtraService,
    CalicoPool,
    CiliumPool,
    NodeAddress,
    WellKnown,
}

/// <summary>A range of the plan with its size and source.</summary>
public sealed record PlanRange(IpCidr Cidr, PlanRangeRole Role, PlanSource? Source, string? Name = null)
{
    public IpFamily Family => Cidr.Family;

    /// <summary>log2 of the size: 32 − prefix (IPv4) or 128 − prefix (IPv6).</summary>
    public int HostBits => Cidr.Network.BitLength - Cidr.FamilyPrefixLength;

    public BigInteger Size => BigInteger.One << HostBits;
}

/// <summary>An address of the plan (node IP, advertise address, SAN, taken service address) with its source.</summary>
public sealed record PlanAddress(IpAddress Address, PlanSource? Source);

/// <summary>Everything of one family.</summary>
public sealed record FamilyPlan(IpFamily Family, bool Primary, PodPlan? Pods, ServicePlan? Service, IReadOnlyList<PlanRange> Pools);
