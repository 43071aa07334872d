import { describe, expect, it } from 'vitest';
import { hasVisibleText, sanitizeNoticeHtml } from './notices.sanitize';

describe('sanitizeNoticeHtml', () => {
  it('keeps paragraphs, headings, lists, emphasis and tables as written', () => {
    const html =
      '<h2>关于开展主题党日的通知</h2><p><strong>各支部</strong>：请<em>按时</em>参加，<u>不得缺席</u>。</p>' +
      '<ol><li>时间</li><li>地点</li></ol><ul><li>签到</li></ul>' +
      '<table><thead><tr><th>支部</th></tr></thead><tbody><tr><td colspan="2">建筑业流动党支部</td></tr></tbody></table>';
    expect(sanitizeNoticeHtml(html)).toBe(html);
  });

  it('drops scripts with their content, event handlers, styles and iframes', () => {
    const out = sanitizeNoticeHtml(
      '<p onclick="steal()">正文</p><script>alert(1)</script><img src=x onerror="alert(2)">' +
        '<style>p{color:red}</style><iframe src="https://evil.example"></iframe>' +
        '<p style="color:red" class="x">样式</p><svg onload="alert(3)"></svg>',
    );
    expect(out).toBe('<p>正文</p><p>样式</p>');
    for (const bad of ['script', 'alert', 'onerror', 'onclick', 'onload', 'iframe', 'style', 'class', 'img'])
      expect(out).not.toContain(bad);
  });

  it('keeps http and https links, opening in a new tab without the opener', () => {
    expect(sanitizeNoticeHtml('<a href="https://www.12371.cn/">共产党员网</a>')).toBe(
      '<a href="https://www.12371.cn/" target="_blank" rel="noopener noreferrer nofollow">共产党员网</a>',
    );
    expect(sanitizeNoticeHtml('<a href="http://example.cn/a?b=1&amp;c=2" target="_self">x</a>')).toContain(
      'href="http://example.cn/a?b=1&amp;c=2" target="_blank"',
    );
  });

  it('drops every other scheme from a link, keeping its text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java&#x09;script:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:x',
      '//evil.example/',
      'file:///etc/passwd',
    ]) {
      const out = sanitizeNoticeHtml(`<a href="${href}">链接</a>`);
      expect(out).not.toContain('href');
      expect(out).toContain('链接');
    }
  });

  it('closes what was left open and escapes stray markup', () => {
    expect(sanitizeNoticeHtml('<p>未闭合<strong>加粗')).toBe('<p>未闭合<strong>加粗</strong></p>');
    expect(sanitizeNoticeHtml('1 < 2 & "3"')).toBe('1 &lt; 2 &amp; "3"');
  });
});

describe('hasVisibleText', () => {
  it('is false for markup that shows nothing', () => {
    expect(hasVisibleText('<p></p><p>&nbsp;</p><br>')).toBe(false);
    expect(hasVisibleText('<p>开会</p>')).toBe(true);
  });
});
