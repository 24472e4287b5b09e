import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../shared/api.ts';
import { exportDisposition, exportFileName } from './exportFileName.ts';

describe('exportFileName', () => {
  it('names the download after the slug, else the headline, else "story", with the format extension', () => {
    expect(exportFileName('harbour-closes', 'Storm', 'md')).toBe('harbour-closes.md');
    expect(exportFileName('', 'Storm closes the Harbour', 'ninjs')).toBe('storm-closes-the-harbour.ninjs.json');
    expect(exportFileName('  ', '—', 'text')).toBe('story.txt');
    expect(exportFileName('Ærø Ferry', '', 'html')).toBe('r-ferry.html');
  });

  it('never lets a hostile slug or headline break the header or leave the folder', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom(...EXPORT_FORMATS), (slug, headline, format) => {
        const name = exportFileName(slug, headline, format);
        expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z.]+$/);
        expect(exportDisposition(slug, headline, format)).toBe(`attachment; filename="${name}"`);
      }),
    );
  });
});
