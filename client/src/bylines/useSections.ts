import { useEffect, useState } from 'react';
import { listSections } from './bylineApi.ts';

/** The names of the desk's sections, loaded once; empty until they arrive (or when they cannot). */
export function useSectionNames(enabled = true): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    listSections().then(
      (sections) => live && setNames(sections.map((section) => section.name)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return names;
}
