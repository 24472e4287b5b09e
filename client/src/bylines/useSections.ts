import { useEffect, useState } from 'react';
import type { SectionList } from '../../../shared/sections.ts';
import { listSections } from './bylineApi.ts';

/** The desk's section names and whether only they may be chosen; loaded once, empty and free until they arrive (or when they cannot). */
export function useSectionNames(enabled = true): { names: string[]; listOnly: boolean } {
  const [list, setList] = useState<SectionList | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    listSections().then(
      (loaded) => live && setList(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return { names: list?.sections.map((section) => section.name) ?? [], listOnly: list?.listOnly ?? false };
}
