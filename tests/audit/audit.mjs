// Runs the graphql-http server audit suite (GraphQL over HTTP spec conformance) against a running Cmdb host.
// Usage: node audit.mjs URL        e.g. node audit.mjs http://127.0.0.1:5080/graphql
// Prints one line per audit (status, id, name, reason), then a summary line.
// Exit code: 0 when no MUST audit failed, 1 when one did (status 'error'), 2 on bad usage or an unreachable server.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: node audit.mjs URL   (e.g. http://127.0.0.1:5080/graphql)');
  process.exit(2);
}

let results;
try {
  results = await auditServer({ url });
} catch (e) {
  console.error(`audit could not run against ${url}: ${e?.message ?? e}`);
  process.exit(2);
}

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const r of results) {
  counts[r.status] = (counts[r.status] ?? 0) + 1;
  const reason = r.status === 'ok' ? '' : ` - ${String(r.reason).replace(/\s+/g, ' ')}`;
  console.log(`${r.status.padEnd(6)} ${r.id}  ${r.name}${reason}`);
}

console.log(
  `graphql-http audit of ${url}: ${counts.ok}/${results.length} ok, ` +
    `${counts.notice} notice (MAY), ${counts.warn} warn (SHOULD), ${counts.error} error (MUST)`,
);
process.exit(counts.error > 0 ? 1 : 0);
