import { MEMBER_FORMS_MAX } from '@ningxin/shared';
import { downloadPdf } from '../../../lib/download';

export { MEMBER_FORMS_MAX };

export const memberPrintApi = {
  /** 党员信息采集表 of one member. */
  form: (id: number) => downloadPdf(`/members/${id}/form.pdf`, `member-form-${id}.pdf`),
  /** The forms of the selected members, one a page. */
  forms: (ids: number[]) =>
    downloadPdf('/members/forms.pdf', 'member-forms.pdf', { method: 'POST', body: JSON.stringify({ ids }) }),
};
