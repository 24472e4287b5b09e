import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles/base.css';
import './styles/tiptap.css';
import './styles/list.css';
import './styles/editor.css';
import './styles/article.css';
import './styles/dialog.css';
import './styles/workflow.css';
import './styles/review.css';
import './styles/authorship.css';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element in index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
