using System.Text;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// The writer's rows are written down as typed values with their text in pinned slabs (<see cref="StepTape"/>) and run
/// later, text bound in place: what SQLite stores must be exactly the values written, whatever slab they landed in.
/// </summary>
public sealed class StepTapeTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public StepTapeTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (k INTEGER PRIMARY KEY, a, b, UNIQUE (a))";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void RunAll_TypedValues_StoredWithTheirTypes()
    {
        using var insert = Insert();
        var tape = new StepTape();
        using (var tx = _connection.BeginTransaction())
        {
            tape.Begin(insert).Int(1).Int(long.MinValue).Null().End();
            tape.Begin(insert).Int(2).Int((long?)null).Text("").End();
            tape.Begin(insert).Int(3).Text("é ✓ 😀").Utf8("raw"u8).End();
            tape.Begin(insert).Int(4).Text(null).Text("x").End();
            tape.Begin(insert).Int(5);
            tape.StartText();
            tape.AppendText("owner");
            tape.AppendByte((byte)' ');
            tape.AppendUtf8("group"u8);
            tape.EndText().Int(-7).End();
            tape.RunAll(tx);
            tx.Commit();
        }

        Assert.Equal(0, tape.Steps);
        Assert.Equal(
            [
                "1|integer:-9223372036854775808|null:",
                "2|null:|text:",
                "3|text:é ✓ 😀|text:raw",
                "4|null:|text:x",
                "5|text:owner group|integer:-7",
            ],
            Rows());
    }

    [Fact]
    public void RunAll_TextAcrossSlabsAndLargerThanOne_KeepsEveryValueOnReuse()
    {
        using var insert = Insert();
        var tape = new StepTape();
        var random = new Random(7);
        for (var round = 0; round < 2; round++) // the second round reuses the first round's slabs
        {
            var expected = new List<string>();
            using (var tx = _connection.BeginTransaction())
            {
                using (var clear = _connection.CreateCommand())
                {
                    clear.CommandText = "DELETE FROM t";
                    clear.ExecuteNonQuery();
                }

                for (var k = 0; k < 3000; k++)
                {
                    // Mostly a few hundred bytes, so values keep crossing the 64 kB slab ends; now and then one larger than a slab.
                    var length = k % 997 == 5 ? 200_000 + k : random.Next(0, 700);
                    var first = k.ToString(System.Globalization.CultureInfo.InvariantCulture) + new string((char)('a' + (k % 26)), length / 2) + "€"; // a is unique
                    var second = k.ToString(System.Globalization.CultureInfo.InvariantCulture) + new string('z', length - length / 2);
                    tape.Begin(insert).Int(k).Text(first);
                    tape.StartText();
                    tape.AppendText(second);
                    tape.AppendByte((byte)'|');
                    tape.AppendText(first);
                    tape.EndText().End();
                    expected.Add($"{k}|text:{first}|text:{second}|{first}");
                }

                tape.RunAll(tx);
                tx.Commit();
            }

            Assert.Equal(expected, Rows());
        }
    }

    [Fact]
    public void Values_Objects_BindAsTheTypedCalls()
    {
        using var insert = Insert();
        var tape = new StepTape();
        using (var tx = _connection.BeginTransaction())
        {
            tape.Begin(insert).Values([1L, null, DBNull.Value]).End();
            tape.Begin(insert).Values([2, "text", new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes("utf8"))]).End();
            tape.Begin(insert).Values([3, 2.5, (byte)9]).End();
            tape.RunAll(tx);
            tx.Commit();
        }

        Assert.Equal(["1|null:|null:", "2|text:text|text:utf8", "3|text:2.5|text:9"], Rows());
    }

    [Fact]
    public void End_WrongNumberOfValues_ThrowsAndRunsNothing()
    {
        using var insert = Insert();
        var tape = new StepTape();

        var error = Assert.Throws<InvalidOperationException>(() => tape.Begin(insert).Int(1).Int(2).End());

        Assert.Contains("3 parameters", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, tape.Steps);
    }

    [Fact]
    public void RunAll_FailingRow_ThrowsTheConstraintAndForgetsTheRest()
    {
        using var insert = Insert();
        var tape = new StepTape();
        using (var tx = _connection.BeginTransaction())
        {
            tape.Begin(insert).Int(1).Text("same").Null().End();
            tape.Begin(insert).Int(2).Text("same").Null().End(); // UNIQUE (a)
            tape.Begin(insert).Int(3).Text("never").Null().End();

            var error = Assert.Throws<SqliteException>(() => tape.RunAll(tx));

            Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
            Assert.Equal(0, tape.Steps);
            tape.Begin(insert).Int(4).Text("after").Null().End();
            tape.RunAll(tx);
            tx.Commit();
        }

        Assert.Equal(["1|text:same|null:", "4|text:after|null:"], Rows());
    }

    private Statement Insert() => new(_connection, "INSERT INTO t (k, a, b) VALUES ($k, $a, $b)", "$k", "$a", "$b");

    private List<string> Rows()
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT k, typeof(a), a, typeof(b), b FROM t ORDER BY k";
        using var reader = select.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var b = reader.IsDBNull(4) ? "" : reader.GetString(4);
            rows.Add($"{reader.GetInt64(0)}|{reader.GetString(1)}:{(reader.IsDBNull(2) ? "" : reader.GetString(2))}|{reader.GetString(3)}:{b}");
        }

        return rows;
    }
}
