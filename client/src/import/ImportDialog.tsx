import { useId, useState } from 'react';
import type { Article } from '../../../shared/api.ts';
import { Modal } from '../components/Modal.tsx';
import { guessImportFormat, importStory, type ImportFormat } from './importStory.ts';
import { useDialogSubmit } from '../hooks/useDialogSubmit.ts';
import '../publish/publish.css';

/** Paste text or HTML, or pick a .txt/.html file; the server turns it into a new story. */
export function ImportDialog({ onImported, onCancel }: { onImported: (article: Article) => void; onCancel: () => void }) {
  const contentId = useId();
  const fileId = useId();
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<ImportFormat>('text');
  const [fileName, setFileName] = useState<string | null>(null);
  const { busy, error, setError, run } = useDialogSubmit();

  async function readFile(file: File) {
    setError(null);
    try {
      const text = await file.text();
      setContent(text);
      setFileName(file.name);
      setFormat(guessImportFormat(text, file.name));
    } catch {
      setError(`Cannot read ${file.name}.`);
    }
  }

  function submit(): Promise<void> {
    return run(async () => {
      onImported(await importStory(format, content));
    });
  }

  return (
    <Modal
      title="Import a story"
      submitLabel={busy ? 'Importing…' : 'Import'}
      submitDisabled={busy || content.trim() === ''}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      error={error}
    >
      <p className="modal-lead">
        Plain text: the first line is the headline, and lines starting <code>READ MORE:</code> become READ MORE links. HTML keeps
        headings, paragraphs, links and figures; anything unsafe is dropped.
      </p>
      <div className="field">
        <label htmlFor={fileId} className="field-label">
          File (.txt or .html)
        </label>
        <input
          id={fileId}
          type="file"
          accept=".txt,.text,.html,.htm,text/plain,text/html"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void readFile(file);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={contentId} className="field-label">
          {fileName ? `Content of ${fileName}` : 'Or paste the story'}
        </label>
        <textarea
          id={contentId}
          className="field-input import-textarea"
          value={content}
          autoFocus
          onChange={(event) => {
            setContent(event.target.value);
            setFileName(null);
            setFormat(guessImportFormat(event.target.value));
          }}
        />
      </div>
      <div className="import-formats" role="radiogroup" aria-label="Format">
        {(['text', 'html'] as const).map((option) => (
          <label key={option} className="checkbox">
            <input type="radio" name="import-format" checked={format === option} onChange={() => setFormat(option)} />
            {option === 'text' ? 'Plain text' : 'HTML'}
          </label>
        ))}
      </div>
    </Modal>
  );
}
