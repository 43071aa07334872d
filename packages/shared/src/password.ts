/**
 * Password strength under 等保 level 3: at least 8 characters and at least three of the four
 * character classes (lower case, upper case, digits, symbols).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export function passwordClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return classes.filter((re) => re.test(password)).length;
}

/** Returns a Chinese message saying what is wrong, or null when the password is acceptable. */
export function checkPasswordStrength(password: string): string | null {
  const length = [...password].length; // characters, not UTF-16 units
  if (length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`;
  if (passwordClasses(password) < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  return null;
}
