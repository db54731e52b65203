// The document log on the embedded SQLite store (migration 7). One process
// writes a SQLite file at a time, so the next number is simply the last plus one.
import type Database from 'better-sqlite3';
import type { CorpusSnapshot, DocumentToLog, SyncDocumentLog } from './document-log.js';
import { type DocumentRow, SNAPSHOT_COLUMNS, snapshotArgs, type SnapshotRow, toLoggedDocument, toSnapshot } from './rows.js';

export function sqliteDocumentLog(db: Database.Database): SyncDocumentLog {
  const q = {
    sha: db.prepare<[string], { sha: string }>('SELECT sha FROM documents WHERE path = ?'),
    last: db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM documents'),
    put: db.prepare(`INSERT INTO documents (path, seq, sha, content, modified, saved_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (path) DO UPDATE SET seq = excluded.seq, sha = excluded.sha, content = excluded.content,
        modified = excluded.modified, saved_at = excluded.saved_at`),
    at: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE path = ?'),
    since: db.prepare<[number, number], DocumentRow>('SELECT * FROM documents WHERE seq > ? ORDER BY seq LIMIT ?'),
    latest: db.prepare<[], SnapshotRow>('SELECT * FROM corpus_snapshots ORDER BY made_at DESC, id DESC LIMIT 1'),
    putChunk: db.prepare('INSERT OR REPLACE INTO corpus_snapshot_chunks (snapshot_id, n, data) VALUES (?, ?, ?)'),
    chunk: db.prepare<[string, number], { data: string }>('SELECT data FROM corpus_snapshot_chunks WHERE snapshot_id = ? AND n = ?'),
  };
  const commitSnapshot = db.transaction((s: CorpusSnapshot) => {
    db.prepare('DELETE FROM corpus_snapshots').run();
    db.prepare(`INSERT INTO corpus_snapshots (${SNAPSHOT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`).run(...snapshotArgs(s));
    db.prepare('DELETE FROM corpus_snapshot_chunks WHERE snapshot_id <> ?').run(s.id);
  });
  const put = db.transaction((docs: readonly DocumentToLog[], at: string) => {
    let seq = q.last.get()?.seq ?? 0;
    let n = 0;
    for (const d of docs) {
      if (q.sha.get(d.path)?.sha === d.sha) continue;
      q.put.run(d.path, ++seq, d.sha, d.content, d.modified, at);
      n++;
    }
    return n;
  });
  return {
    putDocuments: (docs, now) => put.immediate(docs, now.toISOString()),
    documentsSince: (seq, limit) => q.since.all(seq, limit).map(toLoggedDocument),
    documentShas: (paths) => new Map(paths.flatMap((p) => (q.sha.get(p) ? [[p, q.sha.get(p)!.sha] as const] : []))),
    lastSeq: () => q.last.get()?.seq ?? 0,
    documentAt: (path) => {
      const row = q.at.get(path);
      return row ? toLoggedDocument(row) : null;
    },
    putSnapshotChunk: (id, n, data) => void q.putChunk.run(id, n, data),
    commitSnapshot: (s) => commitSnapshot.immediate(s),
    latestSnapshot: () => {
      const row = q.latest.get();
      return row ? toSnapshot(row) : null;
    },
    snapshotChunk: (id, n) => q.chunk.get(id, n)?.data ?? null,
  };
}
