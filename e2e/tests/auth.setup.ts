import { expect, test as setup } from '@playwright/test';
import { DEMO_PASSWORD, SAVED_ACCOUNTS, storageStateOf } from '../support/accounts';

// Each account signs in once and the tests reuse its saved cookie. Through the API, to keep the
// suite quick: the sign-in form itself is what login.spec.ts and account.spec.ts exercise.
for (const account of SAVED_ACCOUNTS) {
  setup(`sign in as ${account}`, async ({ request }) => {
    const login = await request.post('/api/v1/auth/login', {
      data: { username: account, password: DEMO_PASSWORD },
    });
    expect(login.status(), await login.text()).toBe(200);
    const me = await request.get('/api/v1/auth/me');
    expect(me.status()).toBe(200);
    expect((await me.json()).user.username).toBe(account);
    await request.storageState({ path: storageStateOf(account) });
  });
}
