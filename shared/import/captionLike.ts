/** A top-level block as the caption check reads it: its node type and its text. */
export interface BlockText {
  type: string;
  text: string;
}

/** Captions are one short sentence; longer paragraphs are story. */
export const CAPTION_MAX_LENGTH = 200;

// "this Russian family", "these men": a picture's subject. Not "this year", "this is", …
const POINTS_AT_PICTURE =
  /\b(?:this|these)\s+(?!(?:year|week|month|morning|afternoon|evening|night|weekend|time|summer|winter|spring|autumn|is|was|were|will|would|could|may|might|has|had|and|or|but)\b)[a-z]/i;
const PICTURE_WORDS = /\((?:pictured|left|right|centre|center)\)|\bpictured\b|\bfile photo\b|\bgetty images\b/i;
// "… Photo: Ann Lee", "(Picture: Reuters)": a credit closing the line.
const CREDIT_TAIL = /\s*[([]?\s*(?:photo(?:graph)?|picture|image|credit)s?\s*:\s*[^)\]]+[)\]]?\s*$/i;
const SPEECH = /^["“'‘]|\b(?:said|says|told)\b/i;
const WORD = /[\p{L}\p{N}]+/gu;

function sentenceCount(text: string): number {
  return text.split(/[.!?]+["'”’)]*(?:\s+|$)/).filter((part) => part.trim() !== '').length;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Whether most of `text`'s words (70 %) are in `earlier`: a caption that repeats the story. */
function repeats(text: string, earlier: string): boolean {
  const words = wordsOf(text);
  if (words.length < 6) return false;
  const pool = new Set(wordsOf(earlier));
  return words.filter((word) => pool.has(word)).length >= words.length * 0.7;
}

/**
 * The indexes of the paragraphs in `blocks` that read like a photo caption left behind by a
 * story copied from a web page or a wire: one sentence of at most {@link CAPTION_MAX_LENGTH}
 * characters, not a quote, that sits right after a READ MORE block (pages put pictures beside
 * related links), repeats an earlier paragraph, names a picture's subject ("this Russian
 * family", "(pictured)") or ends with a credit ("Photo: …"). A hint for the desk, never a change to the story.
 */
export function captionLikeParagraphs(blocks: readonly BlockText[]): number[] {
  const found: number[] = [];
  blocks.forEach((block, index) => {
    if (block.type !== 'paragraph') return;
    const whole = block.text.trim();
    const text = whole.replace(CREDIT_TAIL, '');
    const credited = text !== whole;
    if (text === '' || whole.length > CAPTION_MAX_LENGTH || sentenceCount(text) !== 1 || SPEECH.test(text)) return;
    const previous = blocks[index - 1];
    const earlier = blocks.slice(0, index).filter((other) => other.type === 'paragraph' || other.type === 'standfirst');
    if (
      credited ||
      previous?.type === 'relatedLink' ||
      POINTS_AT_PICTURE.test(text) ||
      PICTURE_WORDS.test(text) ||
      earlier.some((other) => repeats(text, other.text))
    ) {
      found.push(index);
    }
  });
  return found;
}

/** `text` split into a caption and the credit closing it ("… Photo: Ann Lee"); credit '' when none. */
export function splitCredit(text: string): { caption: string; credit: string } {
  const match = CREDIT_TAIL.exec(text);
  if (!match) return { caption: text.trim(), credit: '' };
  const credit = match[0].replace(/^\s*[([]?\s*(?:photo(?:graph)?|picture|image|credit)s?\s*:\s*/i, '').replace(/[)\]]\s*$/, '').trim();
  return { caption: text.slice(0, match.index).trim(), credit };
}
