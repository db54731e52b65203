// The embedded database's synchronous corpus behind the asynchronous interface
// answers use. The gazetteer stays a plain property (it is in memory either
// way); each lookup's result comes back already settled.
import { settled } from '../async.js';
import type { Corpus, CorpusLookups, SyncCorpus } from './corpus.js';

export function asyncCorpus(sync: SyncCorpus): Corpus {
  const { gazetteer: _g, names: _n, actor: _a, corridor: _c, close: _close, ...lookups } = sync;
  return {
    // Getters, not copies: the SQLite corpus follows a gazetteer change and a rebuilt file.
    get gazetteer() {
      return sync.gazetteer;
    },
    get names() {
      return sync.names;
    },
    actor: (id) => sync.actor(id),
    corridor: (id) => sync.corridor(id),
    close: async () => sync.close(),
    ...settled<CorpusLookups>(lookups),
  };
}
