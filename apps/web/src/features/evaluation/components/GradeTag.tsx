import { EVALUATION_GRADE_LABELS, type EvaluationGrade } from '@ningxin/shared';
import { Tag } from '../../../components/plain/Tag';
import { GRADE_COLORS } from '../evaluation.api';

export function GradeTag({ grade }: { grade: EvaluationGrade | null }) {
  return grade ? <Tag color={GRADE_COLORS[grade]}>{EVALUATION_GRADE_LABELS[grade]}</Tag> : null;
}
