/** Letters NFKD does not take apart, written as a reader would type them without the accent. */
const LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
};

/**
 * `text` as search compares it: lower case, diacritics removed ("Pyŏngyang" → "pyongyang"),
 * compatibility forms unfolded ("ﬁ" → "fi"). Both engines index and query this form, so they fold alike.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđðħßæœþı]/g, (letter) => LETTERS[letter] ?? letter);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of `text`, in order: what the index holds, separated by single spaces. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/** Most words of a query that count; the rest are ignored. */
export const MAX_QUERY_TERMS = 8;

/**
 * The words of a search query, folded and de-duplicated (at most MAX_QUERY_TERMS, each at most 64
 * characters). A story matches when each of them begins one of its words (prefix matching as you type).
 */
export function searchTerms(query: string): string[] {
  const terms = new Set(foldedWords(query).map((word) => word.slice(0, 64)));
  return [...terms].slice(0, MAX_QUERY_TERMS);
}
