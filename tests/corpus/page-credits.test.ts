// Who wrote a web page: declared authors as people write their names, and the
// printed byline where the declaration names only the outlet, or nothing.
import { describe, expect, it } from 'vitest';
import { creditedAgency, leadingByline, pageAuthors, personName, wireOutlet } from '../../src/corpus/ingest/page-credits.js';

describe('page credits', () => {
  it.each([
    ['Brazil, Rachel', 'Rachel Brazil'],
    ['Tatikyan, Sossi A.', 'Sossi A. Tatikyan'],
    ['ERIC TUCKERAssociated Press', 'Eric Tucker'],
    ['By JANE O’NEILL', 'Jane O’Neill'],
    ['Ani Petrosyan', 'Ani Petrosyan'],
  ])('reads the declared name %s as %s', (raw, name) => expect(personName(raw)).toBe(name));

  it('takes the printed byline when the declaration names only the outlet, or nothing', () => {
    expect(pageAuthors(['Lesotho Times'], 'By Mohloai Mpesi', 'Lesotho Times')).toEqual(['Mohloai Mpesi']);
    expect(pageAuthors([], 'by Stephanie Bazzle June 19, 2023', 'Occupy Democrats')).toEqual(['Stephanie Bazzle']);
    expect(pageAuthors([], 'By Jane Doe and John Roe | 5 min read', null)).toEqual(['Jane Doe', 'John Roe']);
    // The outlet as the only author stays when nothing better is printed (a wire desk, "Euronews").
    expect(pageAuthors(['Euronews'], null, 'Euronews')).toEqual(['Euronews']);
    // A declared person wins over the byline.
    expect(pageAuthors(['Nino Beridze'], 'By Someone Else', 'Black Sea News')).toEqual(['Nino Beridze']);
    // A printed byline that names only the outlet gives way to the next one found.
    expect(pageAuthors(['Lesotho Times'], ['Lesotho Times', 'Mohloai Mpesi'], 'Lesotho Times')).toEqual(['Mohloai Mpesi']);
  });

  it('reads a name alone at the head of the text as a byline, unless the gazetteer knows it', () => {
    expect(leadingByline('Mohloai Mpesi', [])).toBe('Mohloai Mpesi');
    expect(leadingByline('By Ani Petrosyan', [])).toBe('Ani Petrosyan');
    expect(leadingByline('Nikol Pashinyan', ['Nikol Pashinyan'])).toBeNull();
    expect(leadingByline('Armenia and Azerbaijan resumed talks on Monday.', [])).toBeNull();
    expect(leadingByline('Breaking', [])).toBeNull();
  });
});

describe('wire copy', () => {
  it('names its agency by the host that serves it, or by the byline when the site name is not a name', () => {
    expect(wireOutlet('Hosted', [], 'https://hosted.ap.org/article/abc')).toBe('Associated Press');
    expect(wireOutlet('Hosted', ['ERIC TUCKERAssociated Press'], 'https://news.example/x')).toBe('Associated Press');
    expect(wireOutlet('Caucasus Daily', ['ERIC TUCKERAssociated Press'], 'https://news.example/x')).toBe('Caucasus Daily');
    expect(creditedAgency(['By Jane Doe', 'JOHN ROE Reuters'])).toBe('Reuters');
    expect(creditedAgency(['Jane Doe'])).toBeNull();
  });
});
