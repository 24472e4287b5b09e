import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { readMeta } from '../../../shared/article/meta.ts';
import { checkDeskLimits, deskLimitsFor, type DeskLimitReport } from '../../../shared/deskLimits.ts';
import { charLevel, wordLevel, type BudgetLevel } from './budgetLevel.ts';

const SETTLE_MS = 200;

function Counter({ label, text, unit, level, title }: { label: string; text: string; unit?: string; level: BudgetLevel; title: string }) {
  return (
    <span className={`desk-limit is-${level}`} title={title} data-level={level}>
      {label} <strong>{text}</strong>
      {unit ? ` ${unit}` : null}
    </span>
  );
}

/** Live counters of headline and standfirst characters and body words against the desk's limits. */
export function DeskLimitsBar({ editor, doc, assignedWords }: { editor: Editor; doc: Y.Doc; assignedWords: number | null }) {
  const [report, setReport] = useState<DeskLimitReport | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const count = () => {
      timer = null;
      if (editor.isDestroyed) return;
      const meta = readMeta(doc);
      setReport(checkDeskLimits({ meta, doc: editor.getJSON() }, deskLimitsFor(meta.section, {}, assignedWords)));
    };
    const schedule = () => {
      if (!timer) timer = setTimeout(count, SETTLE_MS);
    };
    count();
    editor.on('update', schedule);
    doc.on('afterTransaction', schedule);
    return () => {
      editor.off('update', schedule);
      doc.off('afterTransaction', schedule);
      if (timer) clearTimeout(timer);
    };
  }, [editor, doc, assignedWords]);

  if (!report) return null;
  const { headline, standfirst, body } = report;
  return (
    <p className="desk-limits" aria-label="Desk limits">
      <Counter label="Headline" text={`${headline.count}/${headline.limit}`} level={charLevel(headline)} title="Headline characters against the section’s limit" />
      <Counter label="Standfirst" text={`${standfirst.count}/${standfirst.limit}`} level={charLevel(standfirst)} title="Standfirst characters against the section’s limit" />
      <Counter
        label="Body"
        text={body.target === null ? String(body.words) : `${body.words}/${body.target}`}
        unit="words"
        level={wordLevel(body)}
        title={body.target === null ? 'Body words (no assigned length)' : 'Body words against the assigned length'}
      />
    </p>
  );
}
