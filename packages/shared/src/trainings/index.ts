/**
 * Training classes and study trips (培训班、红色教育): a class with a quota, an audience (org
 * subtrees, positions such as 书记), an enrolment window and the study hours it credits; members
 * apply or are nominated, enrolled in order while places last, the rest waitlisted; sessions with
 * their own attendance (QR sign-in); completion issues a numbered certificate (结业证书).
 */
export * from './audience';
export * from './classes';
export * from './enrolments';
export * from './enums';
export * from './mine';
export * from './sessions';
