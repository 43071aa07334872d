import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The font of every printed document: Noto Sans SC (思源黑体), TrueType, as shipped by the npm
 * package @expo-google-fonts/noto-sans-sc (font files under the SIL Open Font License 1.1, see
 * its LICENSE_FONT; the package's code is MIT). It covers the CJK Unified Ideographs block and
 * Extension A, so names outside GB2312 (喆, 堃, 珺 …) print as well. pdfkit embeds only the glyphs
 * a document uses.
 */
export const FONT_FAMILY = 'NotoSansSC';

const require = createRequire(import.meta.url);

const FONT_PATHS = {
  normal: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FontStyle = keyof typeof FONT_PATHS;

/** Where the font files are; throws (naming the package) when it is not installed. */
export function fontFile(style: FontStyle): string {
  return require.resolve(FONT_PATHS[style]);
}

/** Reads the font files (about 10 MB each); called once per process, by the renderer's worker. */
export function loadFonts(): Record<FontStyle, Buffer> {
  return { normal: readFileSync(fontFile('normal')), bold: readFileSync(fontFile('bold')) };
}
