/**
 * The style sheet of a comparison of two versions, shown in a sandboxed frame. The server allows
 * exactly this text as an inline style element in the app's Content-Security-Policy (by its hash),
 * so the frame, which inherits that policy, keeps its colours.
 */
export const DIFF_STYLE = `
body { font: 17px/1.55 Georgia, 'Times New Roman', serif; color: #161616; margin: 24px; }
ins { background: #dcf3de; color: #14532d; text-decoration: underline; }
del { background: #fbe0dd; color: #8a1c13; text-decoration: line-through; }
.diff-block { margin: 0 0 12px; } .diff-insert { border-left: 3px solid #2f7d32; padding-left: 8px; }
.diff-delete { border-left: 3px solid #b3261e; padding-left: 8px; } .diff-moved { border-left: 3px dashed #7a7a7a; padding-left: 8px; }
.diff-meta { font: 13px system-ui, sans-serif; color: #4a4a4a; } img { max-width: 100%; }
`;
