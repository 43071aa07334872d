import { z } from 'zod';
import { GENDERS, MEMBER_SOURCES, MEMBER_STATUSES, MEMBER_TYPES, RELATIONSHIP_TYPES } from './enum-names';

export const MemberStatus = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatus>;
export const MemberType = z.enum(MEMBER_TYPES);
export type MemberType = z.infer<typeof MemberType>;
export const RelationshipType = z.enum(RELATIONSHIP_TYPES);
export type RelationshipType = z.infer<typeof RelationshipType>;
export const MemberSource = z.enum(MEMBER_SOURCES);
export type MemberSource = z.infer<typeof MemberSource>;
export const Gender = z.enum(GENDERS);
export type Gender = z.infer<typeof Gender>;
