import { MEGABYTE, type SettingResponse } from '@ningxin/shared';
import { DuesEditor } from './DuesEditor';
import { MeetingFrequenciesEditor } from './MeetingFrequenciesEditor';
import { NumberEditor } from './NumberEditor';
import { NumberFieldsEditor } from './NumberFieldsEditor';
import { PointsEditor } from './PointsEditor';
import { TextFieldsEditor } from './TextFieldsEditor';

/** The form fields of a setting, by its key. */
export function SettingEditor({ setting }: { setting: SettingResponse }) {
  switch (setting.key) {
    case 'members.lostContactDays':
      return <NumberEditor setting={setting} />;
    case 'members.certificateMaxMonths':
      return <NumberEditor setting={setting} />;
    case 'members.paperNumberPrefixes':
      return <TextFieldsEditor setting={setting} />;
    case 'upload.maxBytes':
      return <NumberEditor setting={setting} scale={MEGABYTE} />;
    case 'learning.lectureHours':
      return <NumberEditor setting={setting} />;
    case 'learning.studyHours':
      return <NumberFieldsEditor setting={setting} />;
    case 'life.signInWindow':
      return <NumberFieldsEditor setting={setting} />;
    case 'points.rules':
      return <PointsEditor setting={setting} />;
    case 'life.meetingFrequencies':
      return <MeetingFrequenciesEditor setting={setting} />;
    case 'dues.rules':
      return <DuesEditor setting={setting} />;
    case 'service.checkoutGraceMinutes':
      return <NumberEditor setting={setting} />;
    case 'auth.passwordMaxAgeDays':
      return <NumberEditor setting={setting} />;
    case 'screen.refreshSeconds':
      return <NumberEditor setting={setting} />;
    default: {
      const unknown: never = setting;
      return unknown;
    }
  }
}
