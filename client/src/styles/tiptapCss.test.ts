// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { articleExtensions } from '../../../shared/editor/extensions.ts';

describe('styles/tiptap.css', () => {
  it('holds exactly the CSS Tiptap would inject, so the editor looks the same without the inline style element', () => {
    const editor = new Editor({ element: document.createElement('div'), extensions: articleExtensions(), injectCSS: true });
    const injected = document.querySelector('style[data-tiptap-style]')?.textContent;
    editor.destroy();
    expect(injected).toBeTruthy();
    const ours = fs.readFileSync(path.resolve('client/src/styles/tiptap.css'), 'utf8').replace(/^\/\*[\s\S]*?\*\/\n/, '');
    expect(ours.trim()).toBe(injected!.trim());
  });
});
