import type { Db } from '../../../db/client';
import { note, paragraph, title } from '../../../lib/pdf/pdf-blocks';
import { CONTENT_WIDTH } from '../../../lib/pdf/pdf-document';
import type { PdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { qrPng } from '../../../lib/qr-image';
import { type Actor, assertHolds } from '../../../policy/policy';
import type { OrgsService } from '../../orgs/orgs.service';

/** The public page a poster's QR code opens. */
export const JOIN_PATH = '/join';

/**
 * The poster (党员找组织 二维码海报) for street offices and employers: A4, the committee's call,
 * the QR code of the public registration page, the page's address in words, and what to bring.
 */
export function createRegistrationPoster({ db, orgs, pdf }: { db: Db; orgs: OrgsService; pdf: PdfRenderer }) {
  return {
    async render(actor: Actor, siteUrl: string) {
      assertHolds(actor, 'registration.review');
      const top = await orgs.topCommittee(db);
      const committee = top?.name ?? '流动党委';
      const url = `${siteUrl}${JOIN_PATH}`;
      const png = await qrPng(url, { width: 600, margin: 2 });
      const size = Math.min(CONTENT_WIDTH, 300);
      const rendered = await pdf.render({
        committee,
        title: '党员找组织',
        records: [
          [
            title('流动党员 请到这里报到', '离乡不离党 · 流动不流失'),
            paragraph(
              `在北京工作、生活的张家口籍党员：请用手机扫描下方二维码，填写报到登记。${committee}审核后会与您联系，把您编入就近的流动党组织。`,
            ),
            {
              image: `data:image/png;base64,${png.toString('base64')}`,
              width: size,
              alignment: 'center',
              margin: [0, 16, 0, 8],
            },
            { text: url, alignment: 'center', fontSize: 11, margin: [0, 0, 0, 16] },
            paragraph('登记时请准备：身份证号、手机号、原所在党组织名称、在京居住地址和工作单位。'),
            paragraph('提交后可在同一页面点击“查询进度”，凭身份证号和手机号查看审核结果。'),
            note('个人信息仅用于党员身份核实和组织关系管理，身份证号和手机号加密保存。'),
          ],
        ],
      });
      return { ...rendered, fileName: '党员找组织二维码海报.pdf', asciiName: 'registration-poster.pdf' };
    },
  };
}

export type RegistrationPoster = ReturnType<typeof createRegistrationPoster>;
