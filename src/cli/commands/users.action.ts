import { text } from 'node:stream/consumers';
import { builtInDealIds } from '../../deal/builtIn.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { openStore, storeLocation } from '../../store/openStore.ts';
import { roles, type Role } from '../../store/people.ts';
import {
  addPerson,
  createToken,
  disablePerson,
  revokeToken,
  setPassword,
  setRole,
  signInLink,
  type Who,
} from '../../store/peopleChanges.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { actorName, cliAddress } from './close.action.ts';

interface StoreOptions {
  db?: string;
  by?: string;
}
interface RoleOptions extends StoreOptions {
  role: string;
  deal?: string[];
}

/** Who acts from the command line: --by (or TRUSTEE_ACTOR, the OS user), on this host. */
export function cliWho(by: string | undefined): Who {
  return { actor: actorName(by), at: new Date().toISOString(), address: cliAddress() };
}

function role(text: string): Role {
  if (!(roles as readonly string[]).includes(text)) {
    throw new TrusteeError('INVALID_INPUT', `bad --role ${text}`, [
      { field: '--role', message: 'no such role', expected: roles.join(', '), got: text },
    ]);
  }
  return text as Role;
}

/**
 * The --deal flags: deals this trustee administers, built-in or of the store's book (a misspelt
 * id would entitle to nothing).
 */
async function deals(store: TrustStore, ids: readonly string[] = []): Promise<string[]> {
  const known = builtInDealIds();
  const unknown: string[] = [];
  for (const id of ids) {
    if (!known.includes(id) && !(await store.book.getDeal(id))) unknown.push(id);
  }
  if (unknown.length > 0) {
    throw new TrusteeError(
      'UNKNOWN_DEAL',
      `no deal ${unknown.join(', ')}`,
      unknown.map((got) => ({
        field: '--deal',
        message: 'no such deal',
        expected: `one of ${known.join(', ')}, or a deal of the book (trustee deal add)`,
        got,
      })),
    );
  }
  return [...ids];
}

async function withStore<T>(options: StoreOptions, work: (store: TrustStore) => Promise<T>) {
  const store = await openStore(storeLocation(options.db));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The whole of standard input without its final newline: a password piped in. */
async function passwordFromStdin(): Promise<string> {
  return (await text(process.stdin)).replace(/\r?\n$/, '');
}

export function linkFor(url: string, secret: string): string {
  // In the fragment: a browser never sends it to the server, so it is in no access log.
  return `${url.replace(/\/+$/, '')}/#/sign-in/${secret}`;
}

const print = (lines: readonly string[]) => process.stdout.write(`${lines.join('\n')}\n`);

export const addAction = async (
  name: string,
  options: RoleOptions & { passwordStdin?: boolean; url: string },
) => {
  const password = options.passwordStdin ? await passwordFromStdin() : undefined;
  await withStore(options, async (store) => {
    const who = cliWho(options.by);
    const user = await addPerson(
      store,
      {
        name,
        role: role(options.role),
        deals: await deals(store, options.deal),
        ...(password ? { password } : {}),
      },
      who,
    );
    const lines = [`added ${user.name} (${describe(user)})`];
    if (!password) {
      const secret = await signInLink(store, user.name, who);
      lines.push(`one-time sign-in link (24 hours): ${linkFor(options.url, secret)}`);
    }
    print(lines);
  });
};

function describe(user: { role: string; deals: readonly string[]; disabledAt: string | null }) {
  const deals = user.role === 'investor' ? `, deals: ${user.deals.join(', ') || 'none'}` : '';
  return `${user.role}${deals}${user.disabledAt ? `, disabled ${user.disabledAt}` : ''}`;
}

export const listAction = async (options: StoreOptions) => {
  await withStore(options, async (store) => {
    const users = await store.people.listUsers();
    const tokens = await store.people.listTokens();
    const lines = users.map((user) => {
      const own = tokens
        .filter((t) => t.name === user.name)
        .map(
          (t) =>
            `\n    token ${t.tokenId} "${t.label}" made ${t.createdAt}` +
            (t.revokedAt ? `, revoked ${t.revokedAt}` : ''),
        );
      const password = user.hasPassword ? '' : ', no password yet';
      return `${user.name}: ${describe(user)}${password}${own.join('')}`;
    });
    print(lines.length > 0 ? lines : ['no users']);
  });
};

export const setRoleAction = async (name: string, options: RoleOptions) => {
  await withStore(options, async (store) => {
    const user = await setRole(
      store,
      name,
      role(options.role),
      options.deal ?? [],
      cliWho(options.by),
    );
    print([`${user.name}: ${describe(user)}`]);
  });
};

export const setPasswordAction = async (name: string, options: StoreOptions) => {
  const password = await passwordFromStdin();
  await withStore(options, async (store) => {
    await setPassword(store, name, password, cliWho(options.by));
    print([`${name}: password set`]);
  });
};

export const linkAction = async (name: string, options: StoreOptions & { url: string }) => {
  await withStore(options, async (store) => {
    if (!(await store.people.getUser(name))) {
      throw new TrusteeError('UNKNOWN_USER', `no user "${name}"`, [
        { field: 'name', message: `no user "${name}"`, got: name },
      ]);
    }
    const secret = await signInLink(store, name, cliWho(options.by));
    print([`one-time sign-in link for ${name} (24 hours): ${linkFor(options.url, secret)}`]);
  });
};

export const disableAction = async (name: string, options: StoreOptions) => {
  await withStore(options, async (store) => {
    const user = await disablePerson(store, name, cliWho(options.by));
    print([`${user.name}: disabled ${user.disabledAt}; tokens revoked, sessions ended`]);
  });
};

export const tokenCreateAction = async (
  name: string,
  options: StoreOptions & { label: string },
) => {
  await withStore(options, async (store) => {
    const { token, record } = await createToken(store, name, options.label, cliWho(options.by));
    print([
      `token ${record.tokenId} for ${name} ("${record.label}"); it is shown only now:`,
      token,
      'use it as: Authorization: Bearer <token>',
    ]);
  });
};

export const tokenRevokeAction = async (tokenId: string, options: StoreOptions) => {
  await withStore(options, async (store) => {
    const record = await revokeToken(store, tokenId, cliWho(options.by));
    print([`token ${record.tokenId} of ${record.name}: revoked ${record.revokedAt}`]);
  });
};
