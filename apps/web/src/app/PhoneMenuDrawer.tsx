import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { SideMenu } from './SideMenu';
import { UserRoleTags } from './UserRoleTags';

interface PhoneMenuDrawerProps {
  open: boolean;
  onClose: () => void;
}

/** The side menu on a phone: a drawer from the left, with the user's roles above the menu. */
export function PhoneMenuDrawer({ open, onClose }: PhoneMenuDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      placement="left"
      size={260}
      open={open}
      onClose={onClose}
      title={t('app.name')}
      styles={{ body: { padding: 0 } }}
    >
      <div className="nx-drawer-roles">
        <UserRoleTags />
      </div>
      <SideMenu onNavigate={onClose} />
    </Drawer>
  );
}
