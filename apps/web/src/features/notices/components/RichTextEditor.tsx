import {
  BoldOutlined,
  DisconnectOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Divider, Flex, Input, Popover, Tooltip } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './notices.css';

interface RichTextEditorProps {
  /** HTML; the server sanitizes what it stores. */
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
  'aria-invalid'?: boolean;
}

const HTTP = /^https?:\/\/\S+$/i;

/**
 * The notice body's editor: paragraphs, two heading levels, bold, italic, underline, lists and
 * links (http and https only), the tags the server keeps. Used as an antd form control.
 */
export function RichTextEditor({ value, onChange, id, ...aria }: RichTextEditorProps) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https'], defaultProtocol: 'https' },
      }),
    ],
    content: value ?? '',
    editorProps: {
      attributes: {
        class: 'nx-rte-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': t('notices.form.body'),
        ...(id ? { id } : {}),
        ...(aria['aria-invalid'] ? { 'aria-invalid': 'true' } : {}),
      },
    },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      h3: e?.isActive('heading', { level: 3 }) ?? false,
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      underline: e?.isActive('underline') ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });
  // A value set from outside (a reset form) replaces the content.
  useEffect(() => {
    if (editor && (value ?? '') !== (editor.isEmpty ? '' : editor.getHTML()))
      editor.commands.setContent(value ?? '', { emitUpdate: false });
  }, [editor, value]);

  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const tool = (key: string, label: string, pressed: boolean, icon: ReactNode, run: () => void) => (
    <Tooltip key={key} title={label}>
      <Button
        type={pressed ? 'primary' : 'text'}
        size="small"
        icon={icon}
        aria-label={label}
        aria-pressed={pressed}
        onClick={run}
      />
    </Tooltip>
  );
  const text = (key: string, label: string, pressed: boolean, run: () => void) => (
    <Button key={key} type={pressed ? 'primary' : 'text'} size="small" aria-pressed={pressed} onClick={run}>
      {label}
    </Button>
  );
  const applyLink = () => {
    if (!HTTP.test(href.trim())) return;
    chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
    setLinkOpen(false);
  };
  return (
    <div className="nx-rte">
      <Flex
        wrap
        gap={2}
        align="center"
        className="nx-rte-toolbar"
        role="toolbar"
        aria-label={t('notices.editor.toolbar')}
      >
        {text('p', t('notices.editor.paragraph'), !active.h2 && !active.h3, () =>
          chain().setParagraph().run(),
        )}
        {text('h2', t('notices.editor.h2'), active.h2, () => chain().toggleHeading({ level: 2 }).run())}
        {text('h3', t('notices.editor.h3'), active.h3, () => chain().toggleHeading({ level: 3 }).run())}
        <Divider type="vertical" />
        {tool('b', t('notices.editor.bold'), active.bold, <BoldOutlined />, () => chain().toggleBold().run())}
        {tool('i', t('notices.editor.italic'), active.italic, <ItalicOutlined />, () =>
          chain().toggleItalic().run(),
        )}
        {tool('u', t('notices.editor.underline'), active.underline, <UnderlineOutlined />, () =>
          chain().toggleUnderline().run(),
        )}
        <Divider type="vertical" />
        {tool('ul', t('notices.editor.bullet'), active.bullet, <UnorderedListOutlined />, () =>
          chain().toggleBulletList().run(),
        )}
        {tool('ol', t('notices.editor.ordered'), active.ordered, <OrderedListOutlined />, () =>
          chain().toggleOrderedList().run(),
        )}
        <Divider type="vertical" />
        <Popover
          open={linkOpen}
          onOpenChange={(open) => {
            setLinkOpen(open);
            if (open) setHref(editor.getAttributes('link').href ?? 'https://');
          }}
          trigger="click"
          content={
            <Flex vertical gap={8} style={{ width: 260 }}>
              <Input
                value={href}
                aria-label={t('notices.editor.linkUrl')}
                placeholder="https://"
                status={href && !HTTP.test(href.trim()) ? 'error' : undefined}
                onChange={(e) => setHref(e.target.value)}
                onPressEnter={applyLink}
              />
              {href && !HTTP.test(href.trim()) && (
                <span className="nx-rte-hint">{t('notices.editor.linkBad')}</span>
              )}
              <Button type="primary" size="small" onClick={applyLink} disabled={!HTTP.test(href.trim())}>
                {t('notices.editor.apply')}
              </Button>
            </Flex>
          }
        >
          <Tooltip title={t('notices.editor.link')}>
            <Button
              type={active.link ? 'primary' : 'text'}
              size="small"
              icon={<LinkOutlined />}
              aria-label={t('notices.editor.link')}
            />
          </Tooltip>
        </Popover>
        {active.link &&
          tool('unlink', t('notices.editor.unlink'), false, <DisconnectOutlined />, () =>
            chain().extendMarkRange('link').unsetLink().run(),
          )}
      </Flex>
      <EditorContent editor={editor} />
    </div>
  );
}
