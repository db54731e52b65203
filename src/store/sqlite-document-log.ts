// The document log on the embedded SQLite store (migration 7). One process
// writes a SQLite file at a time, so the next number is simply the last plus one.
import type Database from 'better-sqlite3';
import type { DocumentToLog, SyncDocumentLog } from './document-log.js';
import { type DocumentRow, toLoggedDocument } from './rows.js';

export function sqliteDocumentLog(db: Database.Database): SyncDocumentLog {
  const q = {
    sha: db.prepare<[string], { sha: string }>('SELECT sha FROM documents WHERE path = ?'),
    last: db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM documents'),
    put: db.prepare(`INSERT INTO documents (path, seq, sha, content, modified, saved_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (path) DO UPDATE SET seq = excluded.seq, sha = excluded.sha, content = excluded.content,
        modified = excluded.modified, saved_at = excluded.saved_at`),
    since: db.prepare<[number, number], DocumentRow>('SELECT * FROM documents WHERE seq > ? ORDER BY seq LIMIT ?'),
  };
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
  };
}
