import QRCode from 'qrcode';
import { useMemo } from 'react';

/** Modules of light margin around the code, as scanners expect. */
const QUIET_ZONE = 4;

/**
 * `text` as a QR code, drawn as one SVG path (no image, no canvas, nothing inline to allow in the
 * Content-Security-Policy). `label` names it for assistive technology.
 */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const { path, modules } = useMemo(() => {
    const matrix = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    let d = '';
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        if (matrix.get(row, col)) d += `M${col + QUIET_ZONE},${row + QUIET_ZONE}h1v1h-1z`;
      }
    }
    return { path: d, modules: matrix.size + 2 * QUIET_ZONE };
  }, [text]);
  return (
    <svg className="qr-code" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${modules} ${modules}`} shapeRendering="crispEdges">
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
