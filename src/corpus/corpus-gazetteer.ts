// The gazetteer half of a corpus, the same for every database: held in
// memory, and looked at again (follow) before each use, so a corpus follows a
// gazetteer that ingest changed without the caller doing anything.
import type { CorpusGazetteer } from './corpus.js';
import type { NameIndex } from './name-index.js';
import type { Gazetteer } from './schema.js';

/** `lookups` with the gazetteer members added: `held` is what is current once `follow` has looked. */
export function withGazetteer<T extends object>(
  lookups: T,
  follow: () => void,
  held: () => { gazetteer: Gazetteer; names: NameIndex },
): T & CorpusGazetteer {
  const corpus = lookups as T & CorpusGazetteer;
  Object.defineProperties(corpus, {
    gazetteer: {
      enumerable: true,
      get: () => {
        follow();
        return held().gazetteer;
      },
    },
    names: {
      enumerable: true,
      get: () => {
        follow();
        return held().names;
      },
    },
    actor: { enumerable: true, value: (id: string) => corpus.gazetteer.actors.find((a) => a.id === id) },
    corridor: { enumerable: true, value: (id: string) => corpus.gazetteer.corridors.find((c) => c.id === id) },
  });
  return corpus;
}
