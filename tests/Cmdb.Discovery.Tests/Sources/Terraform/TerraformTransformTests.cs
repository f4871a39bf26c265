using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Sources.Terraform;
using Cmdb.Discovery.Tests.Support;
using Cmdb.Domain.Model;
using Xunit;
using Ids = Cmdb.Domain.Model.WellKnown.Identifiers;
using Types = Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Discovery.Tests.Sources.Terraform;

public sealed class TerraformTransformTests
{
    private static ScopeResult Prod(TerraformOptions? options = null) =>
        TerraformTransform.Transform(new TerraformRaw("prod", "prod.tfstate", "prod", TestData.Read("Terraform", "prod.tfstate")), options ?? new TerraformOptions());

    private static DiscoveredItem At(ScopeResult s, string address) => s.ItemBy(Ids.TerraformAddress, "prod/" + address);

    [Fact]
    public void Transform_RealisticState_ConformsToTheModel()
    {
        ModelConformance.AssertConforms(Prod());
    }

    [Fact]
    public void Transform_RealisticState_MapsResourceTypesToClasses()
    {
        var s = Prod();

        Assert.Equal(WellKnown.Classes.VirtualMachine, At(s, "aws_instance.web[\"blue\"]").Class);
        Assert.Equal(WellKnown.Classes.Database, At(s, "module.db.aws_db_instance.main").Class);
        Assert.Equal(WellKnown.Classes.LoadBalancer, At(s, "aws_lb.front").Class);
        Assert.Equal(WellKnown.Classes.Cache, At(s, "aws_elasticache_cluster.sessions").Class);
        Assert.Equal(WellKnown.Classes.Queue, At(s, "aws_sqs_queue.orders").Class);
        Assert.Equal(WellKnown.Classes.CloudResource, At(s, "module.network.aws_vpc.main").Class);
    }

    [Fact]
    public void Transform_CountAndForEach_OneItemPerInstanceWithIndexedAddress()
    {
        var s = Prod();

        Assert.Equal(3, s.Items.Count(i => i.Attr("terraform.type") == "aws_subnet"));
        var subnet = At(s, "module.network.aws_subnet.private[2]");
        Assert.Equal("arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-02aa", subnet.Identifiers[Ids.CloudId]);
        Assert.Equal("module.network", subnet.Attr("terraform.module"));
        Assert.Equal("registry.terraform.io/hashicorp/aws", subnet.Attr("terraform.provider"));
        Assert.Equal("i-0greenf00d", At(s, "aws_instance.web[\"green\"]").Identifiers[Ids.CloudInstanceId]);
    }

    [Fact]
    public void Transform_Database_CarriesEngineAndNeverTheSensitivePassword()
    {
        var db = At(Prod(), "module.db.aws_db_instance.main");

        Assert.Equal("postgres", db.Attr("engine"));
        Assert.Equal("shop-prod", db.Name);
        Assert.Equal("arn:aws:rds:eu-west-1:123456789012:db:shop-prod", db.Identifiers[Ids.DbKey]);
        Assert.Equal("production", db.Environment);
        Assert.DoesNotContain("hunter2", db.Attributes!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_Dependencies_BecomeDependsOnToEveryInstanceOfTheResource()
    {
        var s = Prod();
        var blue = At(s, "aws_instance.web[\"blue\"]");

        Assert.True(s.Has(Types.DependsOn, blue, At(s, "aws_security_group.web")));
        Assert.True(s.Has(Types.DependsOn, blue, At(s, "data.aws_ami.ubuntu")));
        for (var i = 0; i < 3; i++) Assert.True(s.Has(Types.DependsOn, blue, At(s, $"module.network.aws_subnet.private[{i}]")));
        Assert.True(s.Has(Types.DependsOn, At(s, "aws_lb_target_group_attachment.web[\"green\"]"), At(s, "aws_instance.web[\"green\"]")));
    }

    [Fact]
    public void Transform_BareAwsIdSharedBySettingsResources_IsNotACloudIdSoNothingMerges()
    {
        var s = Prod();
        var versioning = At(s, "aws_s3_bucket_versioning.assets");
        var bucket = At(s, "aws_s3_bucket.assets");

        Assert.NotSame(bucket, versioning);
        Assert.False(versioning.Identifiers.ContainsKey(Ids.CloudId));
        Assert.Equal("arn:aws:s3:::shop-prod-assets", bucket.Identifiers[Ids.CloudId]);
        Assert.Equal("https://sqs.eu-west-1.amazonaws.com/123456789012/shop-orders", At(s, "aws_sqs_queue_policy.orders").Identifiers[Ids.CloudId]);
        Assert.True(s.Has(Types.DependsOn, versioning, bucket));
    }

    [Fact]
    public void Transform_DataSources_OnlyThoseNamingACloudObject()
    {
        var s = Prod();

        Assert.Equal("data", At(s, "data.aws_ami.ubuntu").Attr("terraform.mode"));
        Assert.DoesNotContain(s.Items, i => i.Attr("terraform.type") is "aws_iam_policy_document" or "aws_caller_identity");
        var withoutData = Prod(new TerraformOptions { IncludeDataSources = false });
        Assert.DoesNotContain(withoutData.Items, i => i.Attr("terraform.mode") == "data");
        ModelConformance.AssertConforms(withoutData);
    }

    [Fact]
    public void Transform_DataSourceReadingAManagedObject_IsTheSameItem()
    {
        const string json = """
            {"version":4,"lineage":"l","resources":[
              {"mode":"data","type":"aws_vpc","name":"looked_up","instances":[{"attributes":{"id":"vpc-1","arn":"arn:aws:ec2:r:1:vpc/vpc-1"}}]},
              {"mode":"managed","type":"aws_vpc","name":"main","instances":[{"attributes":{"id":"vpc-1","arn":"arn:aws:ec2:r:1:vpc/vpc-1"}}]},
              {"mode":"managed","type":"aws_subnet","name":"a","instances":[{"attributes":{"id":"subnet-1","arn":"arn:aws:ec2:r:1:subnet/subnet-1"},"dependencies":["data.aws_vpc.looked_up"]}]}]}
            """;

        var s = TerraformTransform.Transform(new TerraformRaw("s", "s.tfstate", "s", json), new TerraformOptions());

        Assert.Equal(2, s.Items.Count);
        var vpc = s.ItemBy(Ids.TerraformAddress, "s/aws_vpc.main");
        Assert.True(s.Has(Types.DependsOn, s.ItemBy(Ids.TerraformAddress, "s/aws_subnet.a"), vpc));
        ModelConformance.AssertConforms(s);
    }

    [Fact]
    public void Transform_OptionsMapping_OverridesTheDefaultClass()
    {
        var options = new TerraformOptions();
        options.ResourceClasses["aws_s3_bucket"] = WellKnown.Classes.CloudResource;
        options.ResourceClasses["aws_vpc"] = WellKnown.Classes.LoadBalancer;

        var s = Prod(options);

        Assert.Equal(WellKnown.Classes.LoadBalancer, At(s, "module.network.aws_vpc.main").Class);
    }

    [Fact]
    public void Transform_NoNameGiven_QualifiesAddressesWithTheLineage()
    {
        var s = TerraformTransform.Transform(new TerraformRaw("x", "x", null, TestData.Read("Terraform", "prod.tfstate")), new TerraformOptions());

        Assert.Contains(s.Items, i => i.Identifiers[Ids.TerraformAddress] == "8d6b5e2a-3f1c-4b7e-9a0d-2c4e6f8a1b3d/aws_lb.front");
    }

    [Theory]
    [InlineData("version3.tfstate", "format version 3 is not supported")]
    [InlineData("truncated.tfstate", "not valid JSON")]
    [InlineData("missing-type.tfstate", "resources[5] lacks \"type\"")]
    public void Transform_MalformedState_ThrowsNamingTheFileAndProblem(string file, string expected)
    {
        var raw = new TerraformRaw("x", file, "x", TestData.Read("Terraform", file));

        var e = Assert.Throws<DiscoveryFormatException>(() => TerraformTransform.Transform(raw, new TerraformOptions()));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(file, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "no top-level \"version\"")]
    [InlineData("{\"format_version\":\"1.0\",\"values\":{}}", "this is 'terraform show -json' output")]
    [InlineData("{\"version\":\"4\"}", "version \"4\" is not supported")]
    [InlineData("{\"version\":4,\"lineage\":\"l\",\"resources\":{}}", "\"resources\" must be an array")]
    [InlineData("{\"version\":4,\"lineage\":\"l\",\"resources\":[{\"mode\":\"managed\",\"type\":\"aws_vpc\",\"name\":\"a\"}]}", "no \"instances\" array")]
    [InlineData("{\"version\":4,\"resources\":[]}", "no lineage")]
    [InlineData("{\"version\":4,\"lineage\":\"l\",\"resources\":[{\"mode\":\"managed\",\"type\":\"aws_instance\",\"name\":\"a\",\"instances\":[{\"attributes\":{}}]}]}", "has no id")]
    public void Transform_BrokenIdentity_Throws(string json, string expected)
    {
        var e = Assert.Throws<DiscoveryFormatException>(() => TerraformTransform.Transform(new TerraformRaw("s", "s.tfstate", null, json), new TerraformOptions()));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
