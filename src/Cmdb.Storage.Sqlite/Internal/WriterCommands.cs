using System.Buffers;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>Every statement the writer runs, created once per store so bulk batches never recompile SQL.</summary>
internal sealed class WriterCommands : IDisposable
{
    // Keys are assigned by the single writer (see WriteSession), not returned by the insert: INSERT … RETURNING
    // through a data reader costs about ten times a plain insert.
    public WriterCommands(SqliteConnection c, SearchFile search)
    {
        Search = search;
        Json = new Utf8JsonWriter(Buffer);
        SelectCi = new(c, $"SELECT v.doc, c.rid FROM {SqlText.CurrentCi} WHERE c.id = $id", "$id");
        SelectCis = new(c, $"""
            SELECT v.doc, c.rid FROM {SqlText.CurrentCi}
            WHERE c.id IN (SELECT value FROM json_each($ids))
            """, "$ids");
        InsertCi = new(c, """
            INSERT INTO ci (rid, id, class, name, status, environment, criticality, owner, support_group, version)
            VALUES ($rid, $id, $class, $name, $status, $env, $crit, $owner, $sg, $version)
            """, "$rid", "$id", "$class", "$name", "$status", "$env", "$crit", "$owner", "$sg", "$version");
        UpdateCi = new(c, """
            UPDATE ci SET name = $name, status = $status, environment = $env, criticality = $crit, owner = $owner,
                          support_group = $sg
            WHERE rid = $rid
            """, "$rid", "$name", "$status", "$env", "$crit", "$owner", "$sg");
        InsertVersion = new(c, "INSERT INTO ci_version (ci_id, version, valid_from_seq, doc) VALUES ($id, $version, $seq, $doc)",
            "$id", "$version", "$seq", "$doc");
        InsertIdentifier = new(c, "INSERT INTO identifier_current (scheme, value, ci_id, valid_from_seq) VALUES ($scheme, $value, $id, $seq)",
            "$scheme", "$value", "$id", "$seq");
        // Ending an identifier (V0009): its row moves from identifier_current into identifier, with its end.
        CloseIdentifier = new(c, """
            INSERT INTO identifier (scheme, value, ci_id, valid_from_seq, valid_to_seq)
            SELECT scheme, value, ci_id, valid_from_seq, $seq FROM identifier_current WHERE scheme = $scheme AND value = $value
            """, "$scheme", "$value", "$seq");
        DropCurrentIdentifier = new(c, "DELETE FROM identifier_current WHERE scheme = $scheme AND value = $value",
            "$scheme", "$value");
        // The search rows' statements run on the search file's connection (V0012); the search file owns them.
        DeleteFts = search.DeleteFts;
        InsertFts = search.InsertFts;
        // Audit ids are one sequence across audit and relationship_audit (V0008), assigned by the writer.
        InsertAudit = new(c, """
            INSERT INTO audit (id, seq, operation, entity_kind, entity_id, ci_a, ci_b, changes)
            VALUES ($id, $seq, $op, $kind, $entity, $a, $b, $changes)
            """, "$id", "$seq", "$op", "$kind", "$entity", "$a", "$b", "$changes");
        // A run of creations (V0010): the audit entries of count new CIs with consecutive search keys and audit ids.
        InsertCreated = new(c, "INSERT INTO ci_created (first_rid, count, first_audit_id, seq) VALUES ($rid, $count, $audit, $seq)",
            "$rid", "$count", "$audit", "$seq");
        InsertRelationshipAudit = new(c, """
            INSERT INTO relationship_audit (seq, id, relationship_id, operation, changes) VALUES ($seq, $id, $rel, $op, $changes)
            """, "$seq", "$id", "$rel", "$op", "$changes");
        InsertRelationship = new(c, """
            INSERT INTO relationship (id, type, source_id, target_id, attributes, valid_from_seq, created_by, attributes_from_seq)
            VALUES ($id, $type, $source, $target, $attributes, $seq, $by, $seq)
            """, "$id", "$type", "$source", "$target", "$attributes", "$seq", "$by");
        SelectRelationship = new(c, "SELECT type, source_id, target_id, attributes, valid_to_seq, attributes_from_seq FROM relationship WHERE id = $id", "$id");
        UpdateRelationship = new(c, "UPDATE relationship SET attributes = $attributes, attributes_from_seq = $seq WHERE id = $id",
            "$id", "$attributes", "$seq");
        InsertRelationshipAttributes = new(c, """
            INSERT INTO relationship_attributes (relationship_id, valid_from_seq, valid_to_seq, attributes)
            VALUES ($id, $from, $to, $attributes)
            """, "$id", "$from", "$to", "$attributes");
        CloseRelationship = new(c, "UPDATE relationship SET valid_to_seq = $seq WHERE id = $id", "$id", "$seq");
        InsertTxn = new(c, "INSERT INTO txn (seq, at, actor) VALUES ($seq, $at, $actor)", "$seq", "$at", "$actor");
    }

    /// <summary>Scratch space for the JSON the writer stores; one writer at a time uses it (the store's write gate).</summary>
    public ArrayBufferWriter<byte> Buffer { get; } = new(4096);

    /// <summary>The rows of a batch that is not pipelined, each run as soon as it is written; one writer at a time uses it.</summary>
    public StepTape Immediate { get; } = new();

    /// <summary>The tapes of pipelined batches (both files' pipelines), kept from one batch to the next.</summary>
    public TapePool Tapes { get; } = new();

    /// <summary>Reset onto <see cref="Buffer"/> before each use.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Digests CI states and writes for the unchanged-upsert check; one writer at a time uses it.</summary>
    public CiFingerprint Fingerprint { get; } = new();

    /// <summary>Provenance keys of new CIs' snapshots, encoded once (<see cref="CreationDoc"/>); one writer at a time uses it.</summary>
    public ProvenanceNames ProvenanceNames { get; } = new();

    public Statement SelectCi { get; }
    public Statement SelectCis { get; }
    public Statement InsertCi { get; }
    public Statement UpdateCi { get; }
    public Statement InsertVersion { get; }
    public Statement InsertIdentifier { get; }
    public Statement CloseIdentifier { get; }
    public Statement DropCurrentIdentifier { get; }
    /// <summary>The search file (V0012): its statements, immediate tape and watermark.</summary>
    public SearchFile Search { get; }

    public Statement DeleteFts { get; }
    public Statement InsertFts { get; }
    public Statement InsertAudit { get; }
    public Statement InsertCreated { get; }
    public Statement InsertRelationshipAudit { get; }
    public Statement InsertRelationship { get; }
    public Statement SelectRelationship { get; }
    public Statement UpdateRelationship { get; }
    public Statement InsertRelationshipAttributes { get; }
    public Statement CloseRelationship { get; }
    public Statement InsertTxn { get; }

    public void Dispose()
    {
        Json.Dispose();
        Fingerprint.Dispose();
        foreach (var s in new[]
        {
            SelectCi, SelectCis, InsertCi, UpdateCi, InsertVersion, InsertIdentifier, CloseIdentifier, DropCurrentIdentifier,
            InsertAudit, InsertCreated, InsertRelationshipAudit, InsertRelationship, SelectRelationship, UpdateRelationship, InsertRelationshipAttributes, CloseRelationship, InsertTxn,
        })
        {
            s.Dispose();
        }
    }
}
