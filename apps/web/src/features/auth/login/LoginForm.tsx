import type { LoginBody, MeResponse } from '@ningxin/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api';
import { fetchMe, login } from '../auth.api';
import { ErrorIcon, EyeIcon, LockIcon, SafetyIcon, UserIcon } from './loginIcons';

type Field = 'username' | 'password' | 'otp';
type Values = Record<Field, string>;

interface LoginFormProps {
  /** Called with the signed-in user once the server accepted the credentials. */
  onSignedIn: (me: MeResponse) => void;
  /** Called at the first keystroke: the caller can start loading what comes after the login. */
  onStartTyping?: () => void;
}

/**
 * The sign-in form in plain HTML: username and password, and the second factor once the server
 * answers OTP_REQUIRED. Enter submits; the server's message (Chinese) shows above the button.
 */
export function LoginForm({ onSignedIn, onStartTyping }: LoginFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>({ username: '', password: '', otp: '' });
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // An account with a second factor answers OTP_REQUIRED: the form then asks for the code.
  const [askOtp, setAskOtp] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});
  const typed = useRef(false);
  // The field to focus once the form is enabled again after a refused attempt.
  const refocus = useRef<Field | null>(null);
  useEffect(() => {
    if (pending || !refocus.current) return;
    inputs.current[refocus.current]?.focus();
    refocus.current = null;
  }, [pending]);

  const check = (v: Values, ask: boolean): Partial<Record<Field, string>> => ({
    ...(v.username.trim() ? {} : { username: t('login.usernameRequired') }),
    ...(v.password ? {} : { password: t('login.passwordRequired') }),
    ...(!ask || v.otp.trim() ? {} : { otp: t('login.otpRequired') }),
  });

  const change = (field: Field, value: string) => {
    if (!typed.current) {
      typed.current = true;
      onStartTyping?.();
    }
    const next = { ...values, [field]: value };
    setValues(next);
    // A field already marked wrong is checked again as it is typed, as antd's form did.
    if (invalid[field]) setInvalid({ ...invalid, [field]: check(next, askOtp)[field] });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const wrong = check(values, askOtp);
    setInvalid(wrong);
    const first = (['username', 'password', 'otp'] as const).find((f) => wrong[f]);
    if (first) return inputs.current[first]?.focus();
    setError(null);
    setPending(true);
    const body: LoginBody = { username: values.username, password: values.password };
    if (askOtp) body.otp = values.otp;
    try {
      await login(body);
      const me = await fetchMe();
      if (me) return onSignedIn(me);
      setError(t('app.loadFailed'));
    } catch (e) {
      const code = isApiError(e) ? e.code : null;
      setError(isApiError(e) ? e.message : String(e));
      const field: Field = code === 'OTP_REQUIRED' || code === 'OTP_INVALID' ? 'otp' : 'password';
      if (field === 'otp') setAskOtp(true);
      setValues((v) => ({ ...v, [field]: '' }));
      refocus.current = field;
    }
    setPending(false);
  };

  const input = (field: Field, icon: React.ReactNode, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <div className="nx-login-item">
      <label htmlFor={`login_${field}`}>{t(`login.${field}`)}</label>
      <span className="nx-login-input" data-invalid={invalid[field] ? '' : undefined}>
        {icon}
        <input
          id={`login_${field}`}
          name={field}
          ref={(el) => {
            inputs.current[field] = el;
          }}
          value={values[field]}
          onChange={(e) => change(field, e.target.value)}
          aria-invalid={invalid[field] ? true : undefined}
          aria-describedby={
            invalid[field] ? `login_${field}_error` : field === 'otp' ? 'login_otp_hint' : undefined
          }
          {...props}
        />
        {field === 'password' && (
          <button
            type="button"
            className="nx-login-eye"
            aria-label={t(showPassword ? 'login.hidePassword' : 'login.showPassword')}
            aria-pressed={showPassword}
            onClick={() => setShowPassword(!showPassword)}
          >
            <EyeIcon open={showPassword} />
          </button>
        )}
      </span>
      {invalid[field] && (
        <div id={`login_${field}_error`} className="nx-login-field-error">
          {invalid[field]}
        </div>
      )}
      {field === 'otp' && (
        <div id="login_otp_hint" className="nx-login-hint">
          {t('login.otpHint')}
        </div>
      )}
    </div>
  );

  return (
    <form name="login" className="nx-login-form" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset disabled={pending}>
        {input('username', <UserIcon />, {
          autoComplete: 'username',
          autoFocus: true,
          autoCapitalize: 'none',
        })}
        {input('password', <LockIcon />, {
          type: showPassword ? 'text' : 'password',
          autoComplete: 'current-password',
        })}
        {askOtp &&
          input('otp', <SafetyIcon />, {
            autoComplete: 'one-time-code',
            inputMode: 'numeric',
            maxLength: 9,
            autoFocus: true,
          })}
        {error && (
          <div role="alert" className="nx-login-error">
            <ErrorIcon />
            <span>{error}</span>
          </div>
        )}
        <button type="submit" className="nx-login-submit" aria-busy={pending || undefined}>
          {pending && <span className="nx-login-spinner" aria-hidden />}
          {t('login.submit')}
        </button>
      </fieldset>
    </form>
  );
}
