// One sentence of an article on its way to becoming a passage.
export interface LayoutItem {
  kind: 'body' | 'caption';
  text: string;
  /** Index of the paragraph (line) the sentence came from. */
  paragraph: number;
  credit?: string | undefined;
  /** Set on the text that followed a photo credit, where a sub-heading often sits. */
  afterCredit?: boolean;
}
