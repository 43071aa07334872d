import type { OrgResponse, OrgTreeNode, OrgTreeResponse } from '@ningxin/shared';
import { type APIRequestContext, test as base, expect, type Page } from '@playwright/test';
import { E2E_USER_AGENT, type SavedAccount, storageStateOf } from './support/accounts';

export { expect };

/** The API, signed in as one account, for facts a test needs (ids, names), never for what it checks. */
export class Api {
  constructor(readonly request: APIRequestContext) {}

  async orgTree(): Promise<OrgTreeNode[]> {
    const response = await this.request.get('/api/v1/orgs/tree');
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as OrgTreeResponse).roots;
  }

  async org(id: number): Promise<OrgResponse> {
    const response = await this.request.get(`/api/v1/orgs/${id}`);
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as OrgResponse;
  }
}

interface Fixtures {
  /** A page in a fresh browser context signed in as the account (its state saved by the setup project). */
  pageAs: (account: SavedAccount) => Promise<Page>;
  /** The API as the account. */
  apiAs: (account: SavedAccount) => Promise<Api>;
}

export const test = base.extend<Fixtures>({
  pageAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (account) => {
      const context = await browser.newContext({ storageState: storageStateOf(account) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  apiAs: async ({ playwright, baseURL }, use) => {
    const requests: APIRequestContext[] = [];
    await use(async (account) => {
      const request = await playwright.request.newContext({
        baseURL,
        storageState: storageStateOf(account),
        userAgent: E2E_USER_AGENT,
      });
      requests.push(request);
      return new Api(request);
    });
    for (const request of requests) await request.dispose();
  },
});

/** Use the account's saved sign-in for the file's `page`. */
export function signedInAs(account: SavedAccount) {
  return { storageState: storageStateOf(account) };
}

/** The node with that name anywhere in the tree. */
export function findOrg(nodes: OrgTreeNode[], name: string): OrgTreeNode {
  const walk = (list: OrgTreeNode[]): OrgTreeNode | undefined => {
    for (const n of list) {
      if (n.name === name) return n;
      const hit = walk(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  const found = walk(nodes);
  if (!found) throw new Error(`no org named ${name}`);
  return found;
}
