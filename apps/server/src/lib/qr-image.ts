import QRCode from 'qrcode';

/**
 * QR code images of a text (a link), with error correction M (15% of the code may be covered or
 * smudged): SVG for pages and PDFs that scale, PNG where a bitmap is needed.
 */

export interface QrOptions {
  /** Quiet zone around the code, in modules (4 by the standard). */
  margin?: number;
  /** PNG: the image's width in pixels. */
  width?: number;
}

export async function qrSvg(text: string, options: QrOptions = {}): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: options.margin ?? 4 });
}

export async function qrPng(text: string, options: QrOptions = {}): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: options.margin ?? 4,
    width: options.width ?? 512,
  });
}

/** The code's modules as rows of booleans (dark = true), for drawing it with vector shapes (PDF). */
export function qrModules(text: string): boolean[][] {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const rows: boolean[][] = [];
  for (let y = 0; y < size; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < size; x++) row.push(Boolean(qr.modules.get(x, y)));
    rows.push(row);
  }
  return rows;
}
