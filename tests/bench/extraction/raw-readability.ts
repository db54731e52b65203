// Plain Readability.js on linkedom, as the project's own pages are read before
// any of its cleaning: the baseline every run prints beside the project.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ReadabilityOutput {
  body: string;
  title: string | null;
  byline: string | null;
  published: string | null;
}

export function rawReadability(html: string): ReadabilityOutput {
  const { document } = parseHTML(html);
  const read = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  return {
    body: read?.textContent ?? '',
    title: read?.title ?? null,
    byline: read?.byline ?? null,
    published: read?.publishedTime ?? null,
  };
}
