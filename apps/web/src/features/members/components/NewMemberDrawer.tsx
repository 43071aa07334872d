import { useNavigate } from 'react-router-dom';
import { MemberFormDrawer } from './MemberFormDrawer';

/** 新增党员: the member form in a drawer; once saved, the new member's page opens. */
export function NewMemberDrawer({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  return (
    <MemberFormDrawer member={null} open onClose={onClose} onSaved={(m) => navigate(`/members/${m.id}`)} />
  );
}
