namespace Cmdb.Domain.Graph;

/// <summary>
/// Maps commit sequence numbers to commit times. Every write transaction gets the next sequence number; validity
/// intervals in the index are sequence numbers, so "as of time T" becomes "as of the last commit at or before T".
/// </summary>
public sealed class CommitLog
{
    private readonly Lock _gate = new();
    private readonly Action? _beforePublish;
    private long[] _times = new long[1024]; // unix ms, index = seq
    private int _latest; // seq 0 = the empty store

    public CommitLog()
    {
    }

    /// <summary>A log that runs <paramref name="beforePublish"/> (the index's housekeeping) before each commit becomes visible.</summary>
    internal CommitLog(Action beforePublish)
    {
        _beforePublish = beforePublish;
    }

    /// <summary>The newest published commit.</summary>
    public int Latest => Volatile.Read(ref _latest);

    /// <summary>Records commit <paramref name="seq"/> at <paramref name="at"/>; commits arrive in order.</summary>
    public void Append(int seq, DateTimeOffset at)
    {
        _beforePublish?.Invoke();
        lock (_gate)
        {
            if (seq <= _latest) throw new InvalidOperationException($"Commit {seq} is not after {_latest}.");
            if (seq >= _times.Length)
            {
                var grown = new long[Math.Max(seq + 1, _times.Length * 2)];
                Array.Copy(_times, grown, _times.Length);
                _times = grown;
            }

            var ms = at.ToUnixTimeMilliseconds();
            for (var s = _latest + 1; s <= seq; s++) _times[s] = ms; // gaps (rolled-back seqs) take the same time
            Volatile.Write(ref _latest, seq);
        }
    }

    /// <summary>The last commit at or before <paramref name="at"/>; 0 when it precedes every commit.</summary>
    public int SeqAt(DateTimeOffset at)
    {
        var times = _times;
        var latest = Latest;
        var ms = at.ToUnixTimeMilliseconds();
        int lo = 1, hi = latest, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (times[mid] <= ms) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }

        return found;
    }

    /// <summary>The commit sequence a read should use: the latest, or the one in force at <paramref name="asOf"/>.</summary>
    public int Resolve(DateTimeOffset? asOf) => asOf is { } t ? SeqAt(t) : Latest;

    public DateTimeOffset TimeOf(int seq) => DateTimeOffset.FromUnixTimeMilliseconds(_times[seq]);
}
