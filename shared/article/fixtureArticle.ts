import type { JSONContent } from '@tiptap/core';
import type { ArticleJson } from './ArticleJson.ts';

type MarkJson = NonNullable<JSONContent['marks']>[number];

const text = (value: string, ...marks: MarkJson[]): JSONContent =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const bold: MarkJson = { type: 'bold' };
const italic: MarkJson = { type: 'italic' };
const link = (href: string): MarkJson => ({ type: 'link', attrs: { href } });

/**
 * A complete, schema-valid story for tests and demos, from the "North Korea sees mass exodus"
 * fixture: headline, standfirst, byline, h2 and h3, a quote, both list kinds, a figure with
 * caption and credit, two READ MORE links (one relative, one absolute), bold, italic and links.
 * Returns a fresh object on every call, so a test may change it freely.
 */
export function fixtureArticleJson(): ArticleJson {
  return {
    meta: {
      byline: 'Seoul bureau',
      slug: 'north-korea-sees-mass-exodus-of-foreigners-due-to-covid-19',
      section: 'World',
      tags: ['North Korea', 'COVID-19', 'Diplomacy'],
    },
    doc: {
      type: 'doc',
      content: [
        { type: 'headline', content: [text('North Korea sees mass exodus of foreigners due to COVID-19')] },
        {
          type: 'standfirst',
          content: [
            text(
              'Foreign diplomats and aid workers have fled North Korea en masse in recent months due to shortages of goods and "unprecedented" restrictions on daily life.',
            ),
          ],
        },
        paragraph(
          text('The embassy said in a statement on its '),
          text('official Facebook page', link('https://www.facebook.com/RusEmbDPRK')),
          text(' that there are now only '),
          text('290 expatriates', bold),
          text(' within North Korea, including just nine ambassadors and four '),
          text("charge d'affaires", italic),
          text('. All foreign personnel working for NGOs and humanitarian organisations have left the country.'),
        ),
        {
          type: 'blockquote',
          content: [
            paragraph(
              text(
                '"Not everyone can withstand the unprecedented severity of total restrictions, the acute shortage of necessary goods, including medicines (and) the lack of opportunities to solve health problems," the embassy said.',
              ),
            ),
          ],
        },
        {
          type: 'relatedLink',
          attrs: { href: '/stories/north-korea-warns-us' },
          content: [text("North Korea warns US against 'causing a stink'")],
        },
        { type: 'heading', attrs: { level: 2 }, content: [text('A dwindling community')] },
        paragraph(
          text(
            'Before the COVID-19 pandemic, Russia had one of the biggest diplomatic missions in North Korea, but its presence has dwindled recently.',
          ),
          { type: 'hardBreak' },
          text('Months of living with strict public health measures appear to have taken a toll.'),
        ),
        {
          type: 'figure',
          attrs: {
            src: 'https://images.example.com/north-korea/railway-trolley.jpg',
            alt: 'A Russian family pushes a hand-powered railway trolley across the border',
            credit: 'Russian Ministry of Foreign Affairs',
          },
          content: [
            text('Unable to get out of North Korea any other way, this Russian family resorted to a '),
            text('hand-powered', italic),
            text(' railway trolley.'),
          ],
        },
        { type: 'heading', attrs: { level: 3 }, content: [text('Why the borders closed')] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [paragraph(text('Borders locked down for months to keep COVID-19 at bay.'))] },
            { type: 'listItem', content: [paragraph(text('Air Koryo flights from Vladivostok suspended.'))] },
            { type: 'listItem', content: [paragraph(text('Imports almost entirely stopped in September.'))] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [
            { type: 'listItem', content: [paragraph(text('Diplomats leave rather than risk being stranded.'))] },
            { type: 'listItem', content: [paragraph(text('Aid workers and NGO staff follow.'))] },
          ],
        },
        { type: 'horizontalRule' },
        {
          type: 'relatedLink',
          attrs: { href: 'https://news.example.com/countries-dubious-coronavirus-claims' },
          content: [text('The countries making dubious coronavirus claims')],
        },
        paragraph(
          text('While Kim and other North Korean leaders have admitted the country\'s economy is suffering, '),
          text('they have not admitted its food supply is under strain', bold, italic),
          text('.'),
        ),
      ],
    },
  };
}
