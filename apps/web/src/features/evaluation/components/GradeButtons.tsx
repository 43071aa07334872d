import { EVALUATION_GRADE_LABELS, EVALUATION_GRADES, type EvaluationGrade } from '@ningxin/shared';
import { Radio } from 'antd';

/** Four grade buttons (优秀 / 合格 / 基本合格 / 不合格), big enough for a thumb. */
export function GradeButtons({
  value,
  onChange,
  label,
  disabled,
}: {
  value: EvaluationGrade | undefined;
  onChange: (grade: EvaluationGrade) => void;
  label: string;
  disabled?: boolean;
}) {
  return (
    <Radio.Group
      aria-label={label}
      optionType="button"
      buttonStyle="solid"
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as EvaluationGrade)}
      style={{ display: 'flex', width: '100%' }}
      options={EVALUATION_GRADES.map((g) => ({
        value: g,
        label: EVALUATION_GRADE_LABELS[g],
        style: { flex: 1, textAlign: 'center', paddingInline: 4 },
      }))}
    />
  );
}
