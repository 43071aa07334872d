import { useQuery } from '@tanstack/react-query';
import { trainingKeys, trainingsApi } from './trainings.api';

/** A class's enrolments, shared by the enrolments and completion tabs. */
export function useEnrolments(id: number) {
  return useQuery({ queryKey: trainingKeys.enrolments(id), queryFn: () => trainingsApi.enrolments(id) });
}
