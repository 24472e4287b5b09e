import type * as Y from 'yjs';
import { authorsOf } from '../../../shared/article/byline.ts';
import { setAuthors, setMetaText, setTags } from '../../../shared/article/meta.ts';
import { BylineField } from '../bylines/BylineField.tsx';
import { SectionSelect } from '../bylines/SectionSelect.tsx';
import { useSectionNames } from '../bylines/useSections.ts';
import { MetaTextField } from './MetaTextField.tsx';
import { TagsField } from './TagsField.tsx';
import { useMeta } from './useMeta.ts';

/** Byline, slug, section and tags, co-edited live with everyone in the story (or only shown, when `readOnly`). */
export function MetaPanel({ doc, readOnly = false }: { doc: Y.Doc; readOnly?: boolean }) {
  const meta = useMeta(doc);
  const sections = useSectionNames(!readOnly);
  return (
    <section className="meta-panel" aria-labelledby="meta-heading">
      <h2 id="meta-heading" className="panel-heading">
        Story details
      </h2>
      <BylineField authors={authorsOf(meta)} readOnly={readOnly} onChange={(authors) => setAuthors(doc, authors)} />
      <MetaTextField
        label="Slug"
        value={meta.slug}
        placeholder="short-story-name"
        readOnly={readOnly}
        onChange={(value) => setMetaText(doc, 'slug', value)}
      />
      {sections.listOnly && !readOnly ? (
        <SectionSelect value={meta.section} sections={sections.names} onChange={(value) => setMetaText(doc, 'section', value)} />
      ) : (
        <MetaTextField
          label="Section"
          value={meta.section}
          placeholder="e.g. World, Business"
          readOnly={readOnly}
          suggestions={sections.names}
          onChange={(value) => setMetaText(doc, 'section', value)}
        />
      )}
      <TagsField tags={meta.tags} readOnly={readOnly} onChange={(tags) => setTags(doc, tags)} />
    </section>
  );
}
