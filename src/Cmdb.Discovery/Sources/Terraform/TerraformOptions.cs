using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Sources.Terraform;

/// <summary>Which Terraform state files to read and how their resource types map to CI classes.</summary>
public sealed class TerraformOptions
{
    /// <summary>The state files; each is one scope.</summary>
    /// <value>Empty by default.</value>
    public IList<TerraformStateFile> States { get; init; } = [];

    /// <summary>Resource type to class; types not listed become <see cref="DefaultClass"/>.</summary>
    /// <value><see cref="DefaultResourceClasses"/>; entries set here replace or add to those.</value>
    public IDictionary<string, string> ResourceClasses { get; init; } = new Dictionary<string, string>(DefaultResourceClasses, StringComparer.Ordinal);

    /// <summary>Class of resource types without a mapping.</summary>
    /// <value><c>CloudResource</c>.</value>
    public string DefaultClass { get; set; } = WellKnown.Classes.CloudResource;

    /// <summary>
    /// Whether data sources (<c>data.*</c>) become CIs. Only those naming a real cloud object (a provider-wide id: an
    /// <c>arn</c>, a qualified id or a <c>self_link</c>; or a type listed in <see cref="ResourceClasses"/>) do; computed helpers such as
    /// <c>aws_iam_policy_document</c> never do.
    /// </summary>
    /// <value>True.</value>
    public bool IncludeDataSources { get; set; } = true;

    /// <summary>Instance attributes copied onto the CI (scalars only; values Terraform marks sensitive never are).</summary>
    /// <value><see cref="DefaultCopiedAttributes"/>.</value>
    public IList<string> CopiedAttributes { get; init; } = [.. DefaultCopiedAttributes];

    public static IReadOnlyDictionary<string, string> DefaultResourceClasses { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["aws_instance"] = WellKnown.Classes.VirtualMachine,
        ["google_compute_instance"] = WellKnown.Classes.VirtualMachine,
        ["azurerm_linux_virtual_machine"] = WellKnown.Classes.VirtualMachine,
        ["azurerm_windows_virtual_machine"] = WellKnown.Classes.VirtualMachine,
        ["aws_db_instance"] = WellKnown.Classes.Database,
        ["aws_rds_cluster"] = WellKnown.Classes.Database,
        ["google_sql_database_instance"] = WellKnown.Classes.Database,
        ["aws_lb"] = WellKnown.Classes.LoadBalancer,
        ["aws_alb"] = WellKnown.Classes.LoadBalancer,
        ["aws_elb"] = WellKnown.Classes.LoadBalancer,
        ["aws_elasticache_cluster"] = WellKnown.Classes.Cache,
        ["aws_elasticache_replication_group"] = WellKnown.Classes.Cache,
        ["aws_sqs_queue"] = WellKnown.Classes.Queue,
    };

    public static IReadOnlyList<string> DefaultCopiedAttributes { get; } =
    [
        "id", "arn", "name", "engine", "engine_version", "instance_type", "instance_class", "machine_type", "size",
        "availability_zone", "region", "zone", "location", "private_ip", "public_ip", "dns_name", "endpoint", "address",
        "port", "ami", "vpc_id", "subnet_id", "cidr_block", "load_balancer_type", "node_type", "num_cache_nodes",
        "multi_az", "allocated_storage", "database_version", "url", "bucket", "fifo_queue",
    ];
}
