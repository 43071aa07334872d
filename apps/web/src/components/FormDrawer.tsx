import { Button, Drawer, Form, type FormInstance, Grid, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormDrawerProps<T> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  onFinish: (values: T) => void;
  submitting: boolean;
  submitText?: string;
  /** The form's name: prefixes its field ids, so two forms on one page do not clash. */
  name?: string;
  /** Width on a desktop (md and up); 480 on a tablet, full width on a phone. */
  width?: number;
  children: ReactNode;
}

/**
 * A side drawer holding one vertical form, with Cancel and Save at the bottom. The form is
 * rebuilt from initialValues each time the drawer opens; on a phone it takes the full width.
 */
export function FormDrawer<T extends object>(props: FormDrawerProps<T>) {
  const {
    title,
    open,
    onClose,
    form,
    initialValues,
    onFinish,
    submitting,
    submitText,
    width,
    name,
    children,
  } = props;
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={!screens.sm ? '100%' : width && screens.md ? width : 480}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {submitText ?? t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<T>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        disabled={submitting}
        scrollToFirstError={{ block: 'center', behavior: 'smooth' }}
      >
        {children}
        {/* Enter in a field submits, as in any form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
