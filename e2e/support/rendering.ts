import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The page fits its viewport: nothing makes the document scroll sideways. Measured against the
 * configured viewport as well as innerWidth, since a phone browser zooms out to fit a page that
 * is too wide and innerWidth grows with it.
 */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('the page has no fixed viewport');
  const sizes = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(sizes.scrollWidth, 'document wider than the window').toBeLessThanOrEqual(sizes.innerWidth);
  expect(sizes.scrollWidth, 'document wider than the viewport').toBeLessThanOrEqual(viewport.width);
}

export interface GlyphWidths {
  fontFamily: string;
  fontSize: number;
  ning: number;
  xin: number;
  latinA: number;
  phrase: number;
  ningMonospace: number;
}

/**
 * Measures, on a canvas, Chinese and Latin text in the element's own font. `document.fonts.check`
 * says yes even when no installed font has the glyphs (STACK.md); measureText does not lie.
 */
export async function measureGlyphs(element: Locator): Promise<GlyphWidths> {
  return element.evaluate((el) => {
    const fontFamily = getComputedStyle(el).fontFamily;
    const fontSize = 40;
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    const width = (family: string, text: string) => {
      ctx.font = `${fontSize}px ${family}`;
      return ctx.measureText(text).width;
    };
    return {
      fontFamily,
      fontSize,
      ning: width(fontFamily, '凝'),
      xin: width(fontFamily, '心'),
      latinA: width(fontFamily, 'A'),
      phrase: width(fontFamily, '凝心流动党委'),
      ningMonospace: width('monospace', '凝'),
    };
  });
}

/**
 * Chinese in the element's font is drawn with real CJK glyphs: each character is full width
 * (about one em; a missing-glyph box is narrower), every character has the same advance, six
 * make six times one, and a Latin letter is narrower. The generic monospace fallback finds a CJK
 * font as well, with a full-width glyph.
 */
export async function expectChineseGlyphs(element: Locator): Promise<void> {
  const m = await measureGlyphs(element);
  const info = JSON.stringify(m);
  expect(m.ning, `凝 is not full width: ${info}`).toBeGreaterThan(0.8 * m.fontSize);
  expect(m.ning, `凝 is wider than an em and a half: ${info}`).toBeLessThan(1.5 * m.fontSize);
  expect(m.xin, `凝 and 心 differ in width: ${info}`).toBeCloseTo(m.ning, 1);
  expect(m.phrase, `six characters are not six widths: ${info}`).toBeCloseTo(6 * m.ning, 0);
  expect(m.latinA, `A is as wide as 凝: ${info}`).toBeLessThan(0.9 * m.ning);
  expect(m.ningMonospace, `no CJK font behind monospace: ${info}`).toBeGreaterThan(0.8 * m.fontSize);
}

/** Families of the CJK fonts a Linux, macOS or Windows machine may draw Chinese with. */
const CJK_FAMILY =
  /WenQuanYi|Noto Sans CJK|Noto Serif CJK|Source Han|Droid Sans Fallback|AR PL|PingFang|Hiragino|YaHei|SimSun|SimHei/i;

/**
 * The fonts Chromium actually used to draw an element's text, from the DevTools protocol
 * (CSS.getPlatformFontsForNode): the final word on which font rendered it.
 */
export async function platformFontsOf(
  element: Locator,
): Promise<{ familyName: string; glyphCount: number }[]> {
  const page = element.page();
  const probe = `nx-font-probe-${Date.now()}`;
  await element.evaluate((el, id) => el.setAttribute('data-font-probe', id), probe);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: `[data-font-probe="${probe}"]`,
    });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount }));
  } finally {
    await cdp.detach();
    await element.evaluate((el) => el.removeAttribute('data-font-probe'));
  }
}

/** An element whose text is all Chinese was drawn by a CJK font only, every glyph of it. */
export async function expectDrawnWithCjkFont(element: Locator): Promise<void> {
  const text = ((await element.textContent()) ?? '').replace(/\s/g, '');
  const fonts = await platformFontsOf(element);
  const info = JSON.stringify(fonts);
  expect(fonts.length, `no font drew ${text}`).toBeGreaterThan(0);
  for (const font of fonts) expect(font.familyName, `not a CJK font: ${info}`).toMatch(CJK_FAMILY);
  expect(
    fonts.reduce((n, f) => n + f.glyphCount, 0),
    `glyph count of ${text}: ${info}`,
  ).toBe([...text].length);
}

/**
 * What every page must pass at every size: no sideways scrolling, Chinese drawn with real CJK
 * glyphs in the given all-Chinese element, and a full-page screenshot to look at afterwards
 * (in the test's output folder under .tmp/e2e-results).
 */
export async function expectPageLooksRight(chinese: Locator, screenshot: string): Promise<void> {
  const page = chinese.page();
  await expect(chinese).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectChineseGlyphs(chinese);
  await expectDrawnWithCjkFont(chinese);
  await page.screenshot({ path: screenshot, fullPage: true });
}
